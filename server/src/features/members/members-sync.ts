import { memberDocSchema, memberWriteProblem, readRules, type MemberDoc } from '@kumiai/shared';
import { ALLOW, type CollectionRegistration } from '../../sync/registry.ts';

/** The `members` collection: a member's own record, and the records officers and viewers cover. */
export const membersCollection: CollectionRegistration<MemberDoc> = {
  name: 'members',
  schema: memberDocSchema,
  source: {
    table: 'members',
    // Only what readers may see: never password or PIN hashes, activation codes or history.
    projection: `json_object('id', t.id, 'employeeNumber', t.employee_number, 'name', t.name, 'nameKana', t.name_kana,
      'unitId', t.unit_id, 'memberClass', t.member_class, 'status', t.status, 'email', t.email, 'phone', t.phone,
      'preferredLanguage', t.preferred_language, 'updatedAt', t.updated_at)`,
  },
  // Its unit's readers and the member themself; the member's unit and status decide what they read in turn.
  capture: {
    columns: ['employee_number', 'name', 'name_kana', 'unit_id', 'member_class', 'status', 'email', 'phone', 'preferred_language', 'updated_at'],
    unit: 'unit_id',
    member: 'id',
    readerScope: ['unit_id', 'status'],
  },
  readableUnits: (actor, tree) => [...tree.entries()].filter(([, path]) => readRules.members(actor, path, '')).map(([id]) => id),
  readsOwn: (actor) => readRules.members(actor, actor.unitPath, actor.memberId),
  serverOwned: ['updatedAt'],
  write: {
    check: (ctx, master, next, deleted) => memberWriteProblem(ctx.actor, master, next, deleted) ?? ALLOW,
    apply: (ctx, doc) => {
      ctx
        .stmt('UPDATE members SET email = ?, phone = ?, preferred_language = ?, updated_at = ? WHERE id = ?')
        .run(doc.email ?? null, doc.phone ?? null, doc.preferredLanguage ?? null, ctx.now, doc.id);
    },
  },
};
