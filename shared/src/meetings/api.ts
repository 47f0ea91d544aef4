import type { FromSchema } from 'json-schema-to-ts';
import { audienceSchema, attachmentSchema } from '../sync/notices.ts';

/**
 * Meetings and events (会議・大会・イベント, issue 19): the contract between
 * server and client. Members read their meetings, agendas, materials and their
 * own RSVP and attendance through the synced collection `events`
 * (`./events.ts`, offline too) and write their RSVP and proxy through it
 * (pushes, offline); officers work online:
 *
 *   GET    /api/meetings?from=&to=                      → { meetings: MeetingSummary[] }   (meeting.manage in scope)
 *   POST   /api/meetings              MeetingInput      → MeetingDetail                    (meeting.manage on `unitId`; the audience within the officer's scope)
 *   GET    /api/meetings/:id                            → MeetingDetail
 *   PUT    /api/meetings/:id          MeetingInput      → MeetingDetail                    (until it starts; audited; the invitees are told of a changed date or place)
 *   POST   /api/meetings/:id/cancel   { reason }        → MeetingDetail                    (a notice to the invitees)
 *   GET    /api/meetings/:id/responses?cursor=&answer=  → ResponsesPage                    (counts per unit, and who has not answered)
 *   POST   /api/meetings/:id/remind   {}                → { reminded }                     (push + in-app to invitees who have not answered)
 *   POST   /api/meetings/:id/checkins  CheckinBatch     → CheckinResult                    (officers' and kiosks' check-ins, made offline too; idempotent per check-in id; one member counts once)
 *   GET    /api/meetings/:id/quorum                     → QuorumCount (./quorum.ts)         (live: present + proxies against the rule)
 *   GET    /api/meetings/:id/proxy-holders              → { holders: ProxyHolder[] }       (an invitee: those who said they will attend, by name, whom a proxy may name; [] where proxies are not admitted)
 *   PUT    /api/meetings/:id/decisions/:itemId  DecisionInput → MeetingDetail              (the secretary records an agenda item's outcome)
 *   PUT    /api/meetings/:id/minutes  MinutesInput      → MeetingDetail                    (a draft, after the meeting)
 *   POST   /api/meetings/:id/minutes/approve {}         → MeetingDetail                    (the chair: filed as a PDF in 議事録 with the meeting's audience)
 *   GET    /api/meetings/:id/event.ics                  → text/calendar                    (any invitee)
 *   POST   /api/me/calendar-feed      {}                → { url }                          (a new secret feed URL; the previous one stops working)
 *   DELETE /api/me/calendar-feed                        → {}                               (revoked)
 *   GET    /calendar/:secret.ics                        → text/calendar                    (no session: the secret is the credential; the member's meetings)
 *
 * Attendance QR: each invitee's own `rsvp` doc carries `checkinCode`, an HMAC by
 * the server of (meeting, member); the member's app shows it as a QR offline;
 * an officer's phone or the door kiosk scans it and records a check-in (offline
 * too) that the server verifies when it arrives. A code is useless for another
 * meeting or member; it names the member, never anything else about them.
 */

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

export const meetingKinds = ['convention', 'committee', 'executive', 'workplace', 'study', 'social', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const rsvpAnswers = ['attend', 'absent', 'undecided'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

const thresholdSchema = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { enum: ['majority', 'half', 'two_thirds'] } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'numerator', 'denominator', 'strict'],
      properties: { kind: { type: 'string', const: 'fraction' }, numerator: { type: 'integer', minimum: 1, maximum: 100 }, denominator: { type: 'integer', minimum: 1, maximum: 100 }, strict: { type: 'boolean' } },
    },
    { type: 'object', additionalProperties: false, required: ['kind', 'atLeast'], properties: { kind: { type: 'string', const: 'count' }, atLeast: { type: 'integer', minimum: 1, maximum: 100_000 } } },
  ],
} as const;

export const quorumRuleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['base', 'threshold', 'proxies'],
  properties: {
    base: { type: 'string', enum: ['invited', 'delegates'] },
    threshold: thresholdSchema,
    proxies: { type: 'boolean' },
  },
} as const;

/** A material: a document of the library (its current version, or one version) or a file uploaded for this meeting. */
export const materialSchema = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['documentId'], properties: { documentId: id, version: { type: 'integer', minimum: 1 } } },
    { type: 'object', additionalProperties: false, required: ['file'], properties: { file: attachmentSchema } },
  ],
} as const;

export const agendaItemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'materials'],
  properties: {
    id,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    titleEn: text(200),
    description: text(4000),
    descriptionEn: text(4000),
    materials: { type: 'array', maxItems: 20, items: materialSchema },
    /** A secret-ballot item links to an election (issue 17) instead of recording a show of hands. */
    electionId: id,
  },
} as const;

export const meetingInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'unitId', 'title', 'startsAt', 'endsAt', 'audience', 'agenda'],
  properties: {
    kind: { type: 'string', enum: meetingKinds },
    /** The organising unit: officers with meeting.manage on it run the meeting. */
    unitId: id,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    titleEn: text(200),
    description: text(8000),
    descriptionEn: text(8000),
    startsAt: time,
    endsAt: time,
    place: text(200),
    placeEn: text(200),
    /** Any https URL the union uses for online meetings. */
    onlineUrl: { type: 'string', maxLength: 2000, pattern: '^https://' },
    audience: audienceSchema,
    /** 代議員: invited members who count for a delegates-only quorum and vote by delegates. */
    delegates: { type: 'array', maxItems: 5000, uniqueItems: true, items: id },
    /** The chair (議長), who may receive proxies (議長一任) and approves the minutes. */
    chairId: id,
    /** Null: no quorum (a study session, a social event). */
    quorum: { oneOf: [quorumRuleSchema, { type: 'null' }] },
    rsvpBy: time,
    agenda: { type: 'array', maxItems: 50, items: agendaItemSchema },
  },
} as const;
export type MeetingInput = FromSchema<typeof meetingInputSchema>;

/** The secretary's record of an agenda item: by show of hands or by delegates, with the counts. */
export const decisionInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'outcome'],
  properties: {
    method: { type: 'string', enum: ['hands', 'delegates', 'acclamation'] },
    for: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    against: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    abstain: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    outcome: { type: 'string', enum: ['approved', 'rejected', 'deferred', 'reported'] },
    note: text(2000),
  },
} as const;
export type DecisionInput = FromSchema<typeof decisionInputSchema>;

export const minutesInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1, maxLength: 100_000 }, textEn: text(100_000) },
} as const;
export type MinutesInput = FromSchema<typeof minutesInputSchema>;

/** One check-in, made on an officer's phone or the door kiosk, perhaps offline: `id` is the device's UUID for it (idempotent). */
export const checkinSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'at'],
  properties: {
    id: { type: 'string', minLength: 8, maxLength: 64 },
    /** When it was scanned or ticked, on the device's clock (shown, never trusted for the quorum's order). */
    at: time,
    /** From the member's QR … */
    code: { type: 'string', maxLength: 200 },
    /** … or ticked on the list by an officer. */
    memberId: id,
  },
} as const;
export const checkinBatchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['checkins'],
  properties: { checkins: { type: 'array', minItems: 1, maxItems: 500, items: checkinSchema } },
} as const;
export type CheckinBatch = FromSchema<typeof checkinBatchSchema>;

export interface CheckinResult {
  /** Check-ins that recorded someone's presence for the first time. */
  recorded: number;
  /** Already present (another device, or the same check-in again). */
  duplicates: number;
  /** Refused, each with a code (not invited, a code for another meeting, forged). */
  refused: { id: string; code: string }[];
}

export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  title: string;
  titleEn: string | null;
  unitId: string;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
  invited: number;
  answered: { attend: number; absent: number; undecided: number; proxies: number };
}

export interface MeetingDetail extends MeetingSummary {
  input: MeetingInput;
  decisions: Record<string, DecisionInput>;
  minutes: { text: string; textEn: string | null; approvedAt: number | null; documentId: string | null } | null;
  /** What the signed-in officer may do, so the screens say who can do what. */
  can: { edit: boolean; checkIn: boolean; record: boolean; approveMinutes: boolean };
}

/** An invitee who said they will attend, whom another invitee may name in a proxy (委任状): the name only. */
export interface ProxyHolder {
  memberId: string;
  name: string;
}

export interface ResponsesPage {
  perUnit: { unitId: string; invited: number; attend: number; absent: number; undecided: number; proxies: number; noAnswer: number }[];
  /** Invitees who have not answered (or with `answer=`, who answered so), a page at a time. */
  members: { memberId: string; name: string; unitId: string; answer: RsvpAnswer | null; /** Checked in already (from any device), for the door's list. */ present: boolean }[];
  next: string | null;
}
