import { audienceRoles, noticeDocSchema, readDocSchema, type ReadDoc } from '@kumiai/shared';
import { ALLOW, type CollectionRegistration } from '../../sync/registry.ts';

/** `notices`: published ones reach their audience; their author sees them in every state. Read-only on devices. */
export const noticesCollection: CollectionRegistration = {
  name: 'notices',
  schema: noticeDocSchema,
  source: {
    table: 'notices',
    projection: `json_object('id', t.id, 'title', t.title, 'body', t.body, 'titleEn', t.title_en, 'bodyEn', t.body_en, 'category', t.category,
      'pinned', json(CASE WHEN t.pinned THEN 'true' ELSE 'false' END), 'allowComments', json(CASE WHEN t.allow_comments THEN 'true' ELSE 'false' END),
      'audience', json(t.audience), 'status', t.status, 'publishAt', t.publish_at, 'expiresAt', t.expires_at, 'authorId', t.author_id,
      'authorName', (SELECT name FROM members WHERE id = t.author_id), 'attachments', json(t.attachments), 'origin', t.origin, 'version', t.version, 'updatedAt', t.updated_at)`,
  },
  capture: { member: 'author_id', audience: { column: 'audience', when: { sql: "NEW.status = 'published'", columns: ['status'] } } },
  readableUnits: () => [],
  // A member belongs to the audience of every unit on their path (a notice to a branch reaches its workplaces).
  audience: { units: (actor) => [...actor.unitPath], roles: (actor) => audienceRoles(actor) },
  readsOwn: (actor) => actor.status !== 'left',
};

/** `reads`: a member's own read receipts, created on the device (offline too); nobody else's ever syncs. */
export const readsCollection: CollectionRegistration<ReadDoc> = {
  name: 'reads',
  schema: readDocSchema,
  source: {
    table: 'notice_reads',
    projection: `json_object('id', t.id, 'noticeId', t.notice_id, 'memberId', t.member_id, 'readAt', t.read_at)`,
  },
  capture: { member: 'member_id' },
  readableUnits: () => [],
  readsOwn: (actor) => actor.status !== 'left',
  serverOwned: ['readAt'],
  write: {
    check: (ctx, master, doc, deleted) => {
      if (deleted || master) return { code: 'forbidden' }; // a receipt is written once and never changed
      if (doc.memberId !== ctx.actor.memberId) return { code: 'forbidden_field', field: 'memberId' };
      if (doc.id !== `${doc.noticeId}:${doc.memberId}`) return { code: 'forbidden_field', field: 'id' };
      // Only for a notice the member may read now.
      return ctx.visible('notices', doc.noticeId) ? ALLOW : { code: 'not_found' };
    },
    apply: (ctx, doc) => {
      // The time of reading comes from the device (it may have been offline), but never from the future.
      ctx
        .stmt('INSERT OR IGNORE INTO notice_reads (id, notice_id, member_id, read_at) VALUES (?, ?, ?, ?)')
        .run(doc.id, doc.noticeId, doc.memberId, Math.min(doc.readAt, ctx.now));
    },
  },
};
