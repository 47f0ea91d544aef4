import type { FromSchema } from 'json-schema-to-ts';

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. The keys
 * are base64url: p256dh an uncompressed P-256 point (65 bytes), auth 16 bytes.
 */
export const pushSubscriptionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'keys'],
  properties: {
    endpoint: { type: 'string', minLength: 8, maxLength: 2048 },
    expirationTime: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    keys: {
      type: 'object',
      additionalProperties: false,
      required: ['p256dh', 'auth'],
      properties: {
        p256dh: { type: 'string', pattern: '^[A-Za-z0-9_-]{86,88}={0,2}$', maxLength: 100 },
        auth: { type: 'string', pattern: '^[A-Za-z0-9_-]{21,24}={0,2}$', maxLength: 30 },
      },
    },
  },
} as const;
export type PushSubscriptionInput = FromSchema<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint'],
  properties: { endpoint: { type: 'string', minLength: 8, maxLength: 2048 } },
} as const;

/** What the service worker receives; `url` is the app path the notification opens. */
export type PushPayload =
  | { type: 'notice' | 'reminder'; noticeId: string; title: string; url: string }
  /** An application changed (to its applicant), or is waiting for the recipient's approval. */
  | { type: 'application'; applicationId: string; title: string; url: string }
  /** A survey the recipient has not answered yet (a reminder). */
  | { type: 'form'; formId: string; title: string; url: string }
  /** An election the recipient has not voted in yet (a reminder from the election commission). */
  | { type: 'election'; electionId: string; title: string; url: string }
  /** A meeting the recipient is invited to: a reminder to answer, or its date, place or cancellation changed (issue 19). */
  | { type: 'meeting'; meetingId: string; title: string; url: string }
  /**
   * A consultation of the recipient's changed (issue 21): officers assigned, a reply, a status. Never any of
   * its content: `title` is the fixed '相談窓口 / Consultation', `url` is `/consultations/<caseId>`.
   */
  | { type: 'consultation'; caseId: string; title: string; url: string };
