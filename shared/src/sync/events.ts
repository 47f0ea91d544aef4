import type { FromSchema } from 'json-schema-to-ts';
import { agendaItemSchema, decisionInputSchema, meetingKinds, quorumRuleSchema, rsvpAnswers } from '../meetings/api.ts';

/**
 * `events` (collection #11, issue 19): the meetings a member is invited to and
 * their own answer, in one collection told apart by `kind`:
 *
 * - `meeting` (id = the meeting's id): what every invitee reads alike, offline
 *   on the day: date, place, online link, agenda with materials, the quorum
 *   rule, the decisions once recorded, the minutes' document once filed.
 *   Read-only on devices; its organiser (like a notice's author) and the
 *   invitees receive it.
 * - `rsvp` (id = `rsvp:<meetingId>:<memberId>`; the member's own, never another
 *   member's): their answer (出席 / 欠席 / 未定), a note and a proxy (委任状) to
 *   the chair or a named invitee, written on the device (offline too) and
 *   pushed — the server checks it is their own, they are invited, the meeting
 *   has not started, and a proxy only where the rule admits one; and, set by
 *   the server (read-only): `delegate`, `present` once checked in, and
 *   `checkinCode`, the attendance QR's content (see api.ts), which is why the
 *   server makes each invitee's rsvp when the meeting is created (answer
 *   `undecided`) and when the audience grows.
 *
 * The sync engine reads a collection from one source table: meetings and
 * rsvps share one (`kind`), or the engine learns to read two.
 *
 * Listed in `syncedCollections`; the client's meetings feature registers it.
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
    // ── kind = rsvp
    memberId: { type: 'string', maxLength: 64 },
    answer: { type: 'string', enum: rsvpAnswers },
    note: { type: 'string', maxLength: 500 },
    /** 委任状: to the chair, or to a named invitee; null: none. */
    proxy: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['chair'], properties: { chair: { type: 'boolean', const: true } } },
        { type: 'object', additionalProperties: false, required: ['memberId'], properties: { memberId: { type: 'string', maxLength: 64 } } },
        { type: 'null' },
      ],
    },
    /** Server-set: this member is a delegate (代議員) of the meeting. */
    delegate: { type: 'boolean' },
    /** Server-set: checked in at the meeting. */
    present: { type: 'boolean' },
    /** Server-set: this member's attendance code, shown as a QR (see api.ts). */
    checkinCode: { type: ['string', 'null'], maxLength: 200 },
    /** Server-set: when an officer last reminded this member to answer (the in-app reminder; a push goes too). */
    remindedAt: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    /** Server-set: milliseconds of the last change. */
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['meetingId'],
} as const;
export type EventDoc = FromSchema<typeof eventDocSchema>;
