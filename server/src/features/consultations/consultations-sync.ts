import { consultationDocSchema, deskLevelOf, deskUnitFor, type ConsultationCategory, type ConsultationDoc, type ConsultationFile, type UnitKind } from '@kumiai/shared';
import type { CollectionRegistration, WriteContext, WriteRefusal } from '../../sync/registry.ts';
import { DESK_ROLES, type CaseRow } from './consultations-repo.ts';
import type { ConsultationSeal } from './consultations-seal.ts';

const bool = (column: string) => `json(CASE WHEN ${column} THEN 'true' ELSE 'false' END)`;
const nameOf = (column: string) => `(SELECT m.name FROM members m WHERE m.id = ${column})`;

/** Fields only the server sets: a device that sends one (other than its own id as the member or author) is refused, naming it. */
const SERVER_SET = ['memberName', 'deskUnitId', 'deskLevel', 'status', 'assignees', 'openedAt', 'closedAt', 'lastMessageAt', 'lastMessageFromOfficer', 'authorName', 'fromOfficer', 'createdAt'] as const;
/** A case's own fields, which never belong in a message or note. */
const CASE_FIELDS = ['memberId', 'category', 'contactAtWork', 'preferredContact', 'contactNote', 'anonymousToWorkplace'] as const;

/** What the rule decided for the write: the case a message or note belongs to. */
export type ConsultationDecision = { case: CaseRow } | null;

export interface ConsultationSyncDeps {
  seal: ConsultationSeal;
  /** After a commit: tell the desk of a new case, or the other side of a reply (push). */
  notify(event: { kind: 'opened' | 'message'; caseId: string; fromOfficer: boolean }): void;
}

function refuseFiles(ctx: WriteContext, files: readonly ConsultationFile[] | undefined): WriteRefusal | null {
  for (const file of files ?? []) {
    const row = ctx.stmt('SELECT uploader_id, type, size, record_id FROM consultation_files WHERE id = ?').get(file.id) as
      | { uploader_id: string; type: string; size: number; record_id: string | null }
      | undefined;
    if (!row || row.uploader_id !== ctx.actor.memberId || row.record_id !== null || row.type !== file.type || row.size !== file.size) {
      return { code: 'forbidden_field', field: 'attachments', message: `File ${file.id} is not yours to attach, or is attached already` };
    }
  }
  return null;
}

function unitPathWithKinds(ctx: WriteContext, unitId: string): { id: string; kind: UnitKind }[] {
  return ctx
    .stmt(
      `WITH RECURSIVE up(id, parent_id, kind, depth) AS (SELECT id, parent_id, kind, 0 FROM units WHERE id = ?
         UNION ALL SELECT u.id, u.parent_id, u.kind, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id)
       SELECT id, kind FROM up ORDER BY depth DESC`,
    )
    .all(unitId) as { id: string; kind: UnitKind }[];
}

/** The desk for a new case: its category's (or central, for anonymity), or central when nobody leads that desk. */
function route(ctx: WriteContext, category: ConsultationCategory, anonymous: boolean): { unitId: string; level: ReturnType<typeof deskLevelOf> } {
  const path = unitPathWithKinds(ctx, ctx.actor.unitPath[ctx.actor.unitPath.length - 1]!);
  const level = deskLevelOf(category, anonymous);
  const unitId = deskUnitFor(level, path);
  const led = ctx
    .stmt(`SELECT 1 FROM role_grants g JOIN members m ON m.id = g.member_id WHERE g.unit_id = ? AND m.status != 'left' AND g.role IN (SELECT value FROM json_each(?)) LIMIT 1`)
    .get(unitId, JSON.stringify(DESK_ROLES));
  return led || level === 'central' ? { unitId, level } : { unitId: path[0]!.id, level: 'central' };
}

const present = (doc: ConsultationDoc, field: string) => (doc as Record<string, unknown>)[field] !== undefined;

/**
 * `consultations` (collection #12): cases, messages and notes in one source
 * table told apart by `kind`. A row reaches its case's member (`member_id`;
 * NULL for notes) and the case's assigned officers (`audience`, members only):
 * no unit scope, no role, no `all`, so an officer's scope or an admin's role
 * opens nothing. Sealed fields are opened per row by `decode`.
 */
export function consultationsCollection(deps: ConsultationSyncDeps): CollectionRegistration<ConsultationDoc, ConsultationDecision> {
  return {
    name: 'consultations',
    schema: consultationDocSchema,
    source: {
      table: 'consultations',
      projection: `CASE t.kind WHEN 'case' THEN json_object('id', t.id, 'kind', t.kind, 'caseId', t.case_id, 'text', t.text, 'attachments', t.attachments,
        'memberId', t.member_id, 'memberName', ${nameOf('t.member_id')}, 'category', t.category, 'contactAtWork', ${bool('t.contact_at_work')},
        'preferredContact', t.preferred_contact, 'contactNote', t.contact_note, 'anonymousToWorkplace', ${bool('t.anonymous')}, 'deskUnitId', t.desk_unit_id,
        'deskLevel', t.desk_level, 'status', t.status, 'assignees', json(t.assignees), 'openedAt', t.opened_at, 'closedAt', t.closed_at,
        'lastMessageAt', t.last_message_at, 'lastMessageFromOfficer', ${bool('t.last_message_from_officer')}, 'createdAt', t.created_at, 'updatedAt', t.updated_at)
      ELSE json_object('id', t.id, 'kind', t.kind, 'caseId', t.case_id, 'text', t.text, 'attachments', t.attachments, 'authorId', t.author_id,
        'authorName', ${nameOf('t.author_id')}, 'fromOfficer', ${bool('t.from_officer')}, 'createdAt', t.created_at, 'updatedAt', t.updated_at) END`,
    },
    decode: (doc) => deps.seal.decode(doc),
    capture: { member: 'member_id', deleted: 'erased', audience: { column: 'audience' } },
    readableUnits: () => [],
    // Only an audience's `members` ever reach anyone: no unit or role of a reader matches.
    audience: { units: () => [], roles: () => [] },
    readsOwn: (actor) => actor.status !== 'left',
    serverOwned: ['updatedAt'],
    write: {
      check: (ctx, master, doc, deleted) => {
        if (deleted) return { code: 'forbidden', message: 'Consultations are never removed from a device: ask for erasure instead' };
        if (master) {
          // Written once: status and assignment are the officers' routes, and nobody edits what was said.
          const field = Object.keys({ ...master, ...doc }).find((k) => k !== 'updatedAt' && JSON.stringify((doc as Record<string, unknown>)[k] ?? null) !== JSON.stringify((master as Record<string, unknown>)[k] ?? null));
          return { code: 'forbidden_field', field: field ?? 'id' };
        }
        for (const field of SERVER_SET) if (present(doc, field)) return { code: 'forbidden_field', field };
        if (doc.text.trim() === '') return { code: 'schema_invalid', field: 'text', message: 'Write what it is about' };
        if (doc.kind === 'case') {
          if (doc.caseId !== doc.id) return { code: 'forbidden_field', field: 'caseId' };
          if (doc.memberId !== undefined && doc.memberId !== ctx.actor.memberId) return { code: 'forbidden_field', field: 'memberId', message: 'A case is opened only as oneself' };
          if (present(doc, 'authorId')) return { code: 'forbidden_field', field: 'authorId' };
          if (!doc.category) return { code: 'schema_invalid', field: 'category', message: 'Choose a category' };
          return refuseFiles(ctx, doc.attachments) ?? { allow: null };
        }
        for (const field of CASE_FIELDS) if (present(doc, field)) return { code: 'forbidden_field', field };
        if (doc.authorId !== undefined && doc.authorId !== ctx.actor.memberId) return { code: 'forbidden_field', field: 'authorId' };
        // A case the writer does not see is answered as one that does not exist.
        if (!ctx.visible('consultations', doc.caseId)) return { code: 'not_found' };
        const row = ctx.stmt(`SELECT * FROM consultations WHERE id = ? AND kind = 'case'`).get(doc.caseId) as CaseRow | undefined;
        if (!row || row.erased) return { code: 'not_found' };
        if (row.status === 'resolved' || row.status === 'closed') return { code: 'closed', message: 'The consultation is resolved or closed' };
        const assigned = (JSON.parse(row.assignees) as { memberId: string }[]).some((a) => a.memberId === ctx.actor.memberId);
        if (doc.kind === 'note' && !assigned) return { code: 'forbidden', message: 'Internal notes are for the assigned officers' };
        return refuseFiles(ctx, doc.attachments) ?? { allow: { case: row } };
      },
      apply: (ctx, doc, _master, _deleted, decision) => {
        const { seal } = deps;
        const attach = (recordId: string, caseId: string) => {
          for (const file of doc.attachments ?? []) ctx.stmt('UPDATE consultation_files SET record_id = ?, case_id = ? WHERE id = ?').run(recordId, caseId, file.id);
        };
        if (doc.kind === 'case') {
          const desk = route(ctx, doc.category!, doc.anonymousToWorkplace === true);
          ctx
            .stmt(
              `INSERT INTO consultations (id, kind, case_id, member_id, audience, text, attachments, category, desk_unit_id, desk_level, anonymous, contact_at_work,
                 preferred_contact, contact_note, status, assignees, needs_assignment, opened_at, month, created_at, updated_at)
               VALUES (?, 'case', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', '[]', 1, ?, strftime('%Y-%m', ? / 1000, 'unixepoch'), ?, ?)`,
            )
            .run(
              doc.id,
              doc.id,
              ctx.actor.memberId,
              audienceOf([]),
              seal.text(doc.id, 'text', doc.text),
              seal.attachments(doc.id, doc.attachments ?? []),
              doc.category,
              desk.unitId,
              desk.level,
              doc.anonymousToWorkplace ? 1 : 0,
              doc.contactAtWork ? 1 : 0,
              doc.preferredContact ?? 'app',
              seal.text(doc.id, 'contactNote', doc.contactNote ?? ''),
              ctx.now,
              ctx.now,
              ctx.now,
              ctx.now,
            );
          attach(doc.id, doc.id);
          ctx.afterCommit(() => deps.notify({ kind: 'opened', caseId: doc.id, fromOfficer: false }));
          return;
        }
        const row = decision!.case;
        const fromOfficer = row.member_id !== ctx.actor.memberId;
        ctx
          .stmt(
            `INSERT INTO consultations (id, kind, case_id, member_id, audience, text, attachments, author_id, from_officer, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            doc.id,
            doc.kind,
            row.id,
            doc.kind === 'note' ? null : row.member_id,
            row.audience,
            seal.text(doc.id, 'text', doc.text),
            seal.attachments(doc.id, doc.attachments ?? []),
            ctx.actor.memberId,
            fromOfficer ? 1 : 0,
            ctx.now,
            ctx.now,
          );
        attach(doc.id, row.id);
        if (doc.kind === 'message') {
          // An officer's first reply takes the case from 受付 to 対応中.
          ctx
            .stmt(
              `UPDATE consultations SET last_message_at = ?, last_message_from_officer = ?, status = CASE WHEN ? AND status = 'received' THEN 'in_progress' ELSE status END,
                 updated_at = ? WHERE id = ?`,
            )
            .run(ctx.now, fromOfficer ? 1 : 0, fromOfficer ? 1 : 0, ctx.now, row.id);
          ctx.afterCommit(() => deps.notify({ kind: 'message', caseId: row.id, fromOfficer }));
        }
      },
    },
  };
}

/** The audience of every row of a case: its assigned officers, by id, and nobody else. */
export function audienceOf(memberIds: readonly string[]): string {
  return JSON.stringify({ all: false, units: [], roles: [], members: memberIds });
}
