import type { FromSchema } from 'json-schema-to-ts';
import { can, type Action, type Actor } from '../permissions.ts';

/** Who a notice is for: everyone, units (with their subtrees), holders of roles, named members. */
export const audienceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['all', 'units', 'roles', 'members'],
  properties: {
    all: { type: 'boolean' },
    units: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', maxLength: 64 } },
    roles: {
      type: 'array',
      maxItems: 6,
      uniqueItems: true,
      items: { type: 'string', enum: ['admin', 'officer', 'treasurer', 'viewer', 'election_commissioner', 'member'] },
    },
    members: { type: 'array', maxItems: 1000, uniqueItems: true, items: { type: 'string', maxLength: 64 } },
  },
} as const;
export type Audience = FromSchema<typeof audienceSchema>;

/** A file attached to a notice: content-addressed by its SHA-256, its type checked from its bytes. */
export const attachmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['hash', 'name', 'type', 'size'],
  properties: {
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
    size: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
  },
} as const;
export type Attachment = FromSchema<typeof attachmentSchema>;

/** The category a notice gets when its author names none: never shown to members (no "general" chip). */
export const DEFAULT_NOTICE_CATEGORY = 'general';

/** The category to show beside a notice, or null for the default one. */
export function shownNoticeCategory(category: string | undefined): string | null {
  return category && category !== DEFAULT_NOTICE_CATEGORY ? category : null;
}

export const noticeDocSchema = {
  title: 'notices',
  // 1: titleEn and bodyEn (the English beside the Japanese; null when none). 2: origin (issue 20).
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'body', 'category', 'pinned', 'allowComments', 'audience', 'status', 'publishAt', 'authorId', 'authorName', 'version', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string', maxLength: 200 },
    body: { type: 'string', maxLength: 100_000 },
    /** The English title and body, for members reading in English (null: they read the Japanese). */
    titleEn: { type: ['string', 'null'], maxLength: 200 },
    bodyEn: { type: ['string', 'null'], maxLength: 100_000 },
    category: { type: 'string', maxLength: 40 },
    pinned: { type: 'boolean' },
    allowComments: { type: 'boolean' },
    audience: audienceSchema,
    status: { type: 'string', enum: ['draft', 'scheduled', 'published', 'expired', 'withdrawn'] },
    publishAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
    expiresAt: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    authorId: { type: 'string', maxLength: 64 },
    authorName: { type: 'string', maxLength: 100 },
    attachments: { type: 'array', maxItems: 20, items: attachmentSchema },
    /** The federation a notice came from (issue 20: members see "from <federation>"); null for the union's own. */
    origin: { type: ['string', 'null'], maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['publishAt'],
} as const;
export type NoticeDoc = FromSchema<typeof noticeDocSchema>;

export const readDocSchema = {
  title: 'reads',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'noticeId', 'memberId', 'readAt'],
  properties: {
    id: { type: 'string', maxLength: 140 },
    noticeId: { type: 'string', maxLength: 64 },
    memberId: { type: 'string', maxLength: 64 },
    readAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
} as const;
export type ReadDoc = FromSchema<typeof readDocSchema>;

export const noticeInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body', 'audience'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    body: { type: 'string', maxLength: 100_000 },
    /** Optional English beside the Japanese (same limits); empty or left out: none. */
    titleEn: { type: 'string', maxLength: 200 },
    bodyEn: { type: 'string', maxLength: 100_000 },
    category: { type: 'string', minLength: 1, maxLength: 40 },
    pinned: { type: 'boolean' },
    allowComments: { type: 'boolean' },
    audience: audienceSchema,
    publishAt: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    expiresAt: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    attachments: { type: 'array', maxItems: 20, items: attachmentSchema },
  },
} as const;
export type NoticeInput = FromSchema<typeof noticeInputSchema>;

/** One version of a notice as `GET /api/notices/:id/history` returns it (`{ versions: NoticeVersion[] }`), for those who may edit it. */
export interface NoticeVersion {
  version: number;
  title: string;
  body: string;
  audience: Audience;
  editorId: string;
  at: number;
}

/** The roles an actor counts as for audiences: every role they hold, and 'member'. */
export function audienceRoles(actor: Actor): string[] {
  return [...new Set(['member', ...actor.grants.map((g) => g.role)])];
}

/** Whether a published notice's audience includes this member (the read rule of `notices`). */
export function inAudience(actor: Actor, audience: Audience): boolean {
  if (actor.status === 'left') return false;
  if (audience.all) return true;
  if (audience.members.includes(actor.memberId)) return true;
  if (audience.units.some((u) => actor.unitPath.includes(u))) return true;
  const roles = audienceRoles(actor);
  return audience.roles.some((r) => roles.includes(r));
}

/**
 * Officers publish within their own scope: to units they cover, to named
 * members of those units; to everyone or to role holders union-wide only with
 * a role on the union itself. `pathOf` gives a unit's path, `unitOf` a member's unit.
 */
export function canPublishTo(
  actor: Actor,
  audience: Audience,
  pathOf: (unitId: string) => string[],
  unitOf: (memberId: string) => string | null,
  /** The same scope rule serves other audience-bearing things (forms: form.manage, their results: form.results). */
  action: Action = 'notice.publish',
): boolean {
  const root = actor.unitPath.slice(0, 1);
  if ((audience.all || audience.roles.length > 0) && !can(actor, action, { unitPath: root })) return false;
  if (!audience.all && audience.units.length === 0 && audience.roles.length === 0 && audience.members.length === 0) return false;
  for (const unit of audience.units) if (!can(actor, action, { unitPath: pathOf(unit) })) return false;
  for (const member of audience.members) {
    const unit = unitOf(member);
    if (!unit || !can(actor, action, { unitPath: pathOf(unit) })) return false;
  }
  return true;
}
