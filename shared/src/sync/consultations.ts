import type { FromSchema } from 'json-schema-to-ts';
import { consultationCategories, consultationFileSchema, consultationStatuses, CONSULTATION_LIMITS, deskLevels, preferredContacts } from '../consultations/api.ts';

const time = { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 } as const;
const nullableTime = { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 } as const;
const officers = {
  type: 'array',
  maxItems: 10,
  items: { type: 'object', additionalProperties: false, required: ['memberId', 'name'], properties: { memberId: { type: 'string', maxLength: 64 }, name: { type: 'string', maxLength: 100 } } },
} as const;

/**
 * `consultations` (collection #12, issue 21): a member's cases and what is
 * written in them, one collection told apart by `kind`, received ONLY by the
 * case's member and the officers assigned to it:
 *
 * - `case` (id: the device's UUID): the member writes it once, from the device
 *   (offline too): `category`, `text`, `attachments` (uploaded first, by id),
 *   `contactAtWork`, `preferredContact`, `contactNote`, `anonymousToWorkplace`.
 *   The server sets the rest: `memberId` (always the writer), `memberName`,
 *   `deskUnitId` / `deskLevel` (routing), `status`, `assignees`, `openedAt`,
 *   `closedAt`, `lastMessageAt`. Later changes from a device are refused:
 *   status and assignment are routes (api.ts).
 * - `message` (id: the device's UUID; `caseId`): a reply, by the member or an
 *   assigned officer; both receive it. `authorId`/`authorName`/`fromOfficer`
 *   are the server's. Written once; never edited or removed from a device.
 * - `note` (id: the device's UUID; `caseId`): an internal note, written by an
 *   assigned officer and received by the assigned officers only, never by the
 *   member (a kind the member's devices are never sent).
 *
 * When the assignees change, officers taken off a case lose it, its messages
 * and its notes from their devices; when a case's content is deleted (the
 * retention period, or the member's request) every device loses all of it.
 */
export const consultationDocSchema = {
  title: 'consultations',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'caseId', 'text', 'updatedAt'],
  properties: {
    id: { type: 'string', minLength: 8, maxLength: 64 },
    kind: { type: 'string', enum: ['case', 'message', 'note'] },
    /** For a case, its own id. */
    caseId: { type: 'string', maxLength: 64 },
    /** Never empty in a write (the server refuses a blank one); removals carry '' as their placeholder. */
    text: { type: 'string', maxLength: CONSULTATION_LIMITS.textChars },
    attachments: { type: 'array', maxItems: CONSULTATION_LIMITS.attachments, items: consultationFileSchema },
    // ── kind = case
    memberId: { type: 'string', maxLength: 64 },
    /** Server-set: the member's name, for the assigned officers. */
    memberName: { type: 'string', maxLength: 100 },
    category: { type: 'string', enum: consultationCategories },
    /** The member agrees to be contacted at their workplace. */
    contactAtWork: { type: 'boolean' },
    preferredContact: { type: 'string', enum: preferredContacts },
    /** When or how to reach them ("after 18:00", a private number). */
    contactNote: { type: 'string', maxLength: CONSULTATION_LIMITS.noteChars },
    /** The workplace's officers must not learn of it: the case goes to the central desk. */
    anonymousToWorkplace: { type: 'boolean' },
    /** Server-set (routing). */
    deskUnitId: { type: 'string', maxLength: 64 },
    deskLevel: { type: 'string', enum: deskLevels },
    /** Server-set: 受付 / 対応中 / 解決 / 終了. */
    status: { type: 'string', enum: consultationStatuses },
    /** Server-set: the officers assigned (display names). */
    assignees: officers,
    /** Server-set. */
    openedAt: time,
    closedAt: nullableTime,
    /** Server-set: the last message's time, and whether an officer wrote it (the member's "new reply"). */
    lastMessageAt: nullableTime,
    lastMessageFromOfficer: { type: 'boolean' },
    // ── kind = message | note (server-set)
    authorId: { type: 'string', maxLength: 64 },
    authorName: { type: 'string', maxLength: 100 },
    fromOfficer: { type: 'boolean' },
    /** Server-set: when it was received (the order messages are shown in). */
    createdAt: time,
    /** Server-set: milliseconds of the last change. */
    updatedAt: time,
  },
  indexes: ['caseId'],
} as const;
export type ConsultationDoc = FromSchema<typeof consultationDocSchema>;
