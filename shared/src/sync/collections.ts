import type { FromSchema } from 'json-schema-to-ts';
import { noticeCommentDocSchema } from './comments.ts';
import { formDocSchema, submissionDocSchema } from '../forms/forms.ts';
import { documentDocSchema } from './documents.ts';
import { consultationDocSchema } from './consultations.ts';
import { duesDocSchema } from './dues.ts';
import { eventDocSchema } from './events.ts';
import { noticeDocSchema, readDocSchema } from './notices.ts';

/**
 * Schemas of the synced collections: used by RxDB on the device and by the
 * server (ajv) for every pushed document. One source of truth; types derive.
 *
 * Collection budget: RxDB's free edition opens at most 13 collections per
 * process; see server/src/sync/README.md for how every capability fits.
 */

export const unitDocSchema = {
  title: 'units',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'parentId', 'name', 'kind', 'archived'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    parentId: { type: ['string', 'null'], maxLength: 64 },
    name: { type: 'string', maxLength: 100 },
    kind: { type: 'string', enum: ['union', 'branch', 'workplace', 'group'] },
    code: { type: ['string', 'null'], maxLength: 32 },
    archived: { type: 'boolean' },
  },
} as const;
export type UnitDoc = FromSchema<typeof unitDocSchema>;

export const memberDocSchema = {
  title: 'members',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'employeeNumber', 'name', 'nameKana', 'unitId', 'memberClass', 'status', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    employeeNumber: { type: 'string', maxLength: 32 },
    name: { type: 'string', maxLength: 100 },
    nameKana: { type: 'string', maxLength: 100 },
    unitId: { type: 'string', maxLength: 64 },
    memberClass: { type: 'string', maxLength: 40 },
    status: { type: 'string', enum: ['active', 'on_leave', 'left'] },
    email: { type: ['string', 'null'], maxLength: 254 },
    phone: { type: ['string', 'null'], maxLength: 40 },
    preferredLanguage: { type: ['string', 'null'], enum: ['ja', 'en', null] },
    /** Server-set: milliseconds of the last change. */
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['unitId', 'employeeNumber'],
} as const;
export type MemberDoc = FromSchema<typeof memberDocSchema>;

/** The fields of their own record a member may change from a device. */
export const MEMBER_SELF_EDITABLE = ['email', 'phone', 'preferredLanguage'] as const;

export const syncedCollections = {
  units: unitDocSchema,
  members: memberDocSchema,
  notices: noticeDocSchema,
  reads: readDocSchema,
  documents: documentDocSchema,
  notice_comments: noticeCommentDocSchema,
  forms: formDocSchema,
  submissions: submissionDocSchema,
  dues: duesDocSchema,
  events: eventDocSchema,
  // issue 21: a member's cases, replies and (for assigned officers) internal notes
  consultations: consultationDocSchema,
} as const;
export type CollectionName = keyof typeof syncedCollections;

/**
 * Whether a device may keep a copy of a state it sent once the server has acknowledged it (to send it
 * again should the server be restored from an older backup). Never for an anonymous survey answer:
 * once it has reached the server, nothing of its content may stay on the device (secret by construction).
 * Never for a consultation (issue 21) either: its content must leave the device when it is erased (the
 * member's request, the retention period), which a kept copy would outlive; the price is that a case or
 * reply written after the backup a server is restored from is not sent again.
 */
export function deviceMayKeepSent(collection: CollectionName, doc: Record<string, unknown>): boolean {
  if (collection === 'consultations') return false;
  return !(collection === 'submissions' && doc.anonymous === true);
}
