import type { FromSchema } from 'json-schema-to-ts';
import { agendaItemSchema, decisionInputSchema, meetingKinds, quorumRuleSchema, rsvpAnswers } from '../meetings/api.ts';

/**
 * `events` (collection #11, issue 19): the meetings a member is invited to and
 * their own answer, in one collection told apart by `kind`:
 *
 * - `meeting` (id = the meeting's id): what the invitee reads, offline on the
 *   day: date, place, online link, agenda with materials, the quorum rule, the
 *   decisions once recorded, the minutes' document once filed; and for this
 *   member only, whether they are a delegate and their attendance QR code.
 *   Read-only on devices. An officer with meeting.manage in scope receives the
 *   meetings of their units without a `checkinCode` of their own unless invited.
 * - `rsvp` (id = `rsvp:<meetingId>`; one per member, never another member's):
 *   the member's answer (出席 / 欠席 / 未定), a note and a proxy (委任状) to
 *   the chair or a named invitee; written on the device (offline too) and
 *   pushed; the server checks it is their own, they are invited, the meeting
 *   has not started, and a proxy only where the rule admits one. `present`
 *   is set by the server when they are checked in (read-only).
 *
 * The server follows the audience like notices: a member who leaves the
 * audience (moved, a role removed, the audience narrowed) loses the meeting
 * and their rsvp from the device.
 */
export const eventDocSchema = {
  title: 'events',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'meetingId', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 100 },
    kind: { type: 'string', enum: ['meeting', 'rsvp'] },
    meetingId: { type: 'string', maxLength: 64 },
    // ── kind = meeting
    meetingKind: { type: 'string', enum: meetingKinds },
    unitId: { type: 'string', maxLength: 64 },
    title: { type: 'string', maxLength: 200 },
    titleEn: { type: ['string', 'null'], maxLength: 200 },
    description: { type: 'string', maxLength: 8000 },
    descriptionEn: { type: ['string', 'null'], maxLength: 8000 },
    startsAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
    endsAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
    place: { type: ['string', 'null'], maxLength: 200 },
    placeEn: { type: ['string', 'null'], maxLength: 200 },
    onlineUrl: { type: ['string', 'null'], maxLength: 2000 },
    chairId: { type: ['string', 'null'], maxLength: 64 },
    quorum: { oneOf: [quorumRuleSchema, { type: 'null' }] },
    rsvpBy: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    agenda: { type: 'array', maxItems: 50, items: agendaItemSchema },
    /** Agenda item id → the recorded decision. */
    decisions: { type: 'object', additionalProperties: decisionInputSchema },
    minutesDocumentId: { type: ['string', 'null'], maxLength: 64 },
    cancelled: { type: 'boolean' },
    /** This member is a delegate (代議員) of the meeting. */
    delegate: { type: 'boolean' },
    /** This member's attendance code, shown as a QR (see api.ts). */
    checkinCode: { type: ['string', 'null'], maxLength: 200 },
    // ── kind = rsvp
    answer: { type: 'string', enum: rsvpAnswers },
    note: { type: 'string', maxLength: 500 },
    /** 委任状: to the chair, or to a named invitee; null: none. */
    proxy: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['chair'], properties: { chair: { const: true } } },
        { type: 'object', additionalProperties: false, required: ['memberId'], properties: { memberId: { type: 'string', maxLength: 64 } } },
        { type: 'null' },
      ],
    },
    /** Server-set: checked in at the meeting. */
    present: { type: 'boolean' },
    /** Server-set: milliseconds of the last change. */
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['meetingId'],
} as const;
export type EventDoc = FromSchema<typeof eventDocSchema>;
