import type { Db } from '@kumiai/server/src/db/database.ts';
import { ALLOW, type CollectionRegistration } from '@kumiai/server/src/sync/registry.ts';
import { noteSchema, type NoteDoc } from './data.ts';

/**
 * A bench-only synced collection for the write scenario. The members
 * collection cannot take 1,000 queued writes from one member (a member may
 * edit only their own record's contact fields, and RxDB collapses repeated
 * edits of one document into one push), so the bench registers a collection
 * of notes, each writable by its author, with the engine's generic path:
 * schema validation, visibility, conflict detection, the write rule, one
 * savepoint per row and the sequence stamped by the triggers the engine
 * generates from `capture` (the table alone is created here).
 */
export const NOTES_SQL = `
CREATE TABLE IF NOT EXISTS bench_notes (
  id TEXT PRIMARY KEY,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);`;

export const notesCollection: CollectionRegistration<NoteDoc> = {
  name: 'notes',
  schema: noteSchema,
  source: { table: 'bench_notes', projection: `json_object('id', t.id, 'author', t.author, 'body', t.body, 'updatedAt', t.updated_at)` },
  capture: { member: 'author' },
  readableUnits: () => [],
  readsOwn: () => true,
  serverOwned: ['updatedAt'],
  write: {
    check: (ctx, master, next, deleted) => {
      if (deleted) return { code: 'forbidden' };
      if (next.author !== ctx.actor.memberId || (master && master.author !== ctx.actor.memberId)) return { code: 'forbidden', field: 'author' };
      return ALLOW;
    },
    apply: (ctx, doc) => {
      ctx
        .stmt('INSERT INTO bench_notes (id, author, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at')
        .run(doc.id, doc.author, doc.body, ctx.now);
    },
  },
};

export function createNotesTable(db: Db): void {
  db.exec(NOTES_SQL);
}
