import { can, type Actor, type Audience } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { UploadsService } from './uploads-service.ts';

export interface FileAccessDeps {
  db: Db;
  sync: SyncEngine;
  actors: ActorRepo;
  /** For the rules features that depend on uploads add (e.g. elections' candidate photos). */
  uploads: UploadsService;
}

/**
 * Who may fetch an uploaded file, in one place: its uploader; readers of a
 * notice, a document or a meeting (an agenda item's material) that references it; and for a file attached to a
 * submission, its member, reviewers of the applicant's unit (applications),
 * and those who see a named survey's results; then the rules other features
 * add (`UploadsService.addReadRule`: candidate photos). Returns the name to serve it
 * under, or null (the caller answers 404, as for a file that does not exist).
 */
export function fileNameFor(deps: FileAccessDeps, actor: Actor, hash: string): string | null {
  const { db, sync } = deps;
  const uploader = db.prepare('SELECT name FROM upload_owners WHERE hash = ? AND member_id = ?').pluck().get(hash, actor.memberId) as string | undefined;
  if (uploader) return uploader;

  const notice = (db.prepare('SELECT notice_id FROM notice_attachments WHERE hash = ?').pluck().all(hash) as string[]).find((id) => sync.readable(actor, 'notices', id));
  if (notice) {
    const attachments = JSON.parse((db.prepare('SELECT attachments FROM notices WHERE id = ?').pluck().get(notice) as string | undefined) ?? '[]') as { hash: string; name: string }[];
    return attachments.find((a) => a.hash === hash)?.name ?? 'file';
  }

  const document = (db.prepare('SELECT document_id, name FROM document_versions WHERE hash = ?').all(hash) as { document_id: string; name: string }[]).find((d) =>
    sync.readable(actor, 'documents', d.document_id),
  );
  if (document) return document.name;

  // Meetings (issue 19): few rows, so the agenda JSON is searched rather than kept in a link table.
  const material = (
    db
      .prepare(
        `SELECT e.id, json_extract(m.value, '$.file.name') AS name FROM events e, json_each(e.agenda) a, json_each(a.value, '$.materials') m
         WHERE e.kind = 'meeting' AND json_extract(m.value, '$.file.hash') = ?`,
      )
      .all(hash) as { id: string; name: string }[]
  ).find((m) => sync.readable(actor, 'events', m.id));
  if (material) return material.name;

  const submissions = db
    .prepare(
      `SELECT s.member_id, s.kind, s.unit_id, f.author_id, f.audience FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id JOIN forms f ON f.id = s.form_id
       WHERE sf.hash = ? AND s.anonymous = 0`,
    )
    .all(hash) as { member_id: string; kind: string; unit_id: string | null; author_id: string | null; audience: string }[];
  const submission = submissions.find((s) => {
    if (s.member_id === actor.memberId) return true;
    if (s.unit_id === null) return false; // a draft is its member's alone
    if (s.kind === 'application') return can(actor, 'application.review', { unitPath: deps.actors.unitPath(s.unit_id) });
    return s.author_id === actor.memberId || deps.actors.mayPublishTo(actor, JSON.parse(s.audience) as Audience, 'form.results');
  });
  if (submission) return (db.prepare('SELECT name FROM upload_owners WHERE hash = ? AND member_id = ?').pluck().get(hash, submission.member_id) as string | undefined) ?? 'file';
  return deps.uploads.nameByRules(actor, hash);
}
