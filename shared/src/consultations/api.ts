import type { FromSchema } from 'json-schema-to-ts';
import type { UnitKind } from '../org.ts';

/**
 * Consultations (相談窓口, issue 21): the contract between server and client.
 * A member opens a case and writes replies from the device (pushes to the
 * synced collection `consultations`, `../sync/consultations.ts`, offline too);
 * the case and its messages reach ONLY the member and the officers assigned to
 * it (an officer's scope alone opens nothing; an admin sees counts, never
 * content). Assigned officers reply and write internal notes from their device
 * the same way. Everything else is online:
 *
 *   POST   /api/consultations/files?name=   (raw body)        → ConsultationFile          (any member; encrypted at rest; attach it by id in a case or message)
 *   GET    /api/consultations/files/:id                        → the file                  (the case's member and assigned officers; its uploader until attached)
 *   POST   /api/consultations/:id/erase     {}                 → {}                        (the case's member: its content deleted now, the counts stay)
 *   GET    /api/consultations/desk                             → { cases: DeskCase[] }     (consultation.desk: the cases of the desks the actor leads, no content)
 *   GET    /api/consultations/:id/candidates                   → { officers: Officer[] }   (consultation.desk on the case's desk: who may be assigned)
 *   PUT    /api/consultations/:id/assignees AssigneesInput     → DeskCase                  (consultation.desk on the case's desk; audited; the member told in-app + push)
 *   POST   /api/consultations/:id/status    StatusInput        → {}                        (an assigned officer; audited; the member told in-app + push)
 *   GET    /api/consultations/stats?from=YYYY-MM&to=YYYY-MM    → ConsultationStats         (consultation.stats: counts per category × unit × month, groups under 5 hidden)
 *   GET    /api/consultations/settings                         → ConsultationSettings      (consultation.stats)
 *   PUT    /api/consultations/settings      ConsultationSettings → ConsultationSettings    (consultation.settings: admins on the union)
 *
 * Routing: each category goes to a desk, a unit whose officers (holders of
 * consultation.desk granted on exactly that unit) assign it: the member's
 * workplace, their branch, or the union's central 相談窓口 (`deskLevelOf`). A
 * member who asks for anonymity towards their workplace always goes to the
 * central desk. A desk with no lead falls back to the central desk.
 *
 * Push (with the server, shared/src/push.ts): `{ type: 'consultation', caseId, title: '相談窓口 / Consultation',
 * url: '/consultations/<caseId>' }` when officers are assigned, a reply arrives or the status changes; never any
 * content. In-app: the synced case itself (`status`, `assignees`, `lastMessageAt`, `lastMessageFromOfficer`).
 */

export const consultationCategories = ['overtime', 'harassment', 'pay', 'leave', 'safety', 'transfer', 'other'] as const;
export type ConsultationCategory = (typeof consultationCategories)[number];

export const deskLevels = ['workplace', 'branch', 'central'] as const;
export type DeskLevel = (typeof deskLevels)[number];

/** Which desk a category goes to (a member's anonymity towards the workplace overrides it: central). */
export const categoryDesk: Record<ConsultationCategory, DeskLevel> = {
  overtime: 'workplace',
  leave: 'workplace',
  safety: 'workplace',
  pay: 'branch',
  transfer: 'branch',
  harassment: 'central',
  other: 'workplace',
};

export function deskLevelOf(category: ConsultationCategory, anonymousToWorkplace: boolean): DeskLevel {
  return anonymousToWorkplace ? 'central' : categoryDesk[category];
}

/**
 * The desk unit for a member: on their unit path (root first, with each unit's
 * kind), the nearest unit of the level's kind (`central`: the root); a member
 * with no workplace above them goes to their branch, one with no branch to the root.
 */
export function deskUnitFor(level: DeskLevel, path: readonly { id: string; kind: UnitKind }[]): string {
  const nearest = (kind: UnitKind) => [...path].reverse().find((unit) => unit.kind === kind)?.id;
  const root = path[0]?.id ?? '';
  if (level === 'central') return root;
  return (level === 'workplace' ? nearest('workplace') : undefined) ?? nearest('branch') ?? root;
}

/** 受付 / 対応中 / 解決 / 終了. Resolved and closed cases take no more messages; their content is deleted after the retention period. */
export const consultationStatuses = ['received', 'in_progress', 'resolved', 'closed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

/** How the member would like to be contacted beyond the app's messages. */
export const preferredContacts = ['app', 'phone', 'email', 'in_person'] as const;
export type PreferredContact = (typeof preferredContacts)[number];

/** The caps every case and message is held to (the server refuses more: schema_invalid). */
export const CONSULTATION_LIMITS = { textChars: 8000, attachments: 5, noteChars: 500 } as const;

/** A file attached to a case or message: uploaded first (online), referenced by its id. Stored encrypted. */
export const consultationFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'type', 'size'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$', maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
    size: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
  },
} as const;
export type ConsultationFile = FromSchema<typeof consultationFileSchema>;

export const assigneesInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberIds'],
  properties: { memberIds: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } } },
} as const;
export type AssigneesInput = FromSchema<typeof assigneesInputSchema>;

export const statusInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { type: 'string', enum: consultationStatuses } },
} as const;
export type StatusInput = FromSchema<typeof statusInputSchema>;

export const consultationSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['retentionDays'],
  properties: {
    /** Days after a case is resolved or closed before its content (text, messages, notes, files) is deleted; its count stays. */
    retentionDays: { type: 'integer', minimum: 1, maximum: 3650 },
  },
} as const;
export type ConsultationSettings = FromSchema<typeof consultationSettingsSchema>;

export interface Officer {
  memberId: string;
  name: string;
}

/** A case as a desk lead sees it: never its text, files, messages or the member's name. */
export interface DeskCase {
  id: string;
  category: ConsultationCategory;
  deskUnitId: string;
  deskLevel: DeskLevel;
  status: ConsultationStatus;
  openedAt: number;
  assignees: Officer[];
  /** No one assigned (new, or its officers left office): the desk lead should assign someone. */
  needsAssignment: boolean;
}

/** Counts by category × unit (the case's desk unit) × month (YYYY-MM, of opening). */
export interface ConsultationStats {
  /** Groups below this many cases are left out: not even their existence is shown. */
  minGroup: number;
  /** Only groups of at least `minGroup` cases. Never merged across months, units or categories. */
  cells: { category: ConsultationCategory; unitId: string; month: string; count: number }[];
  /**
   * The sum of the cells shown, never of all cases: a total over left-out
   * groups would reveal them by subtraction.
   */
  shownTotal: number;
}
