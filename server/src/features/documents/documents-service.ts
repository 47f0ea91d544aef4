import { randomUUID } from 'node:crypto';
import { inAudience, type Actor, type Attachment, type Audience, type DocumentInput, type DocumentVersionInput, type FolderInput } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';
import type { UploadsService } from '../uploads/uploads-service.ts';

interface DocumentRow {
  id: string;
  kind: 'folder' | 'document';
  audience: string;
  author_id: string | null;
  version: number;
}

const EVERYONE: Audience = { all: true, units: [], roles: [], members: [] };

/**
 * The documents library (資料室): officers publish documents into folders, to
 * audiences within their scope (the same rule as notices); each new file is a
 * new version and the previous ones are kept. Members read through sync.
 */
export class DocumentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly uploads: UploadsService,
  ) {}

  private row(id: string): DocumentRow | undefined {
    return this.db.prepare('SELECT id, kind, audience, author_id, version FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  }

  private mayPublish(actor: Actor, audience: Audience): boolean {
    return this.actors.mayPublishTo(actor, audience);
  }

  private checkAudience(actor: Actor, audience: Audience): void {
    for (const unit of audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    if (!this.mayPublish(actor, audience)) throw new AppError('forbidden', 403, 'You can publish only to units and members within your own scope');
  }

  /**
   * A folder reaches its audience (the whole union when none is given), so it
   * follows the publishing rule: a branch officer adds folders for their branch,
   * never for the whole union.
   */
  createFolder(actor: Actor, input: FolderInput): { id: string } {
    const audience = input.audience ?? EVERYONE;
    this.checkAudience(actor, audience);
    const id = randomUUID();
    const now = this.clock.now();
    const sort = input.sort ?? ((this.db.prepare("SELECT coalesce(max(sort), 0) + 1 FROM documents WHERE kind = 'folder'").pluck().get() as number));
    this.db
      .prepare("INSERT INTO documents (id, kind, folder_id, title, audience, sort, author_id, created_at, updated_at) VALUES (?, 'folder', NULL, ?, ?, ?, ?, ?, ?)")
      .run(id, input.name.trim(), JSON.stringify(audience), sort, actor.memberId, now, now);
    return { id };
  }

  create(actor: Actor, input: DocumentInput): { id: string; version: number } {
    const folder = this.row(input.folderId);
    if (!folder || folder.kind !== 'folder') throw notFound('No such folder');
    this.checkAudience(actor, input.audience);
    this.uploads.checkOwned(actor.memberId, [input.file]);
    const id = randomUUID();
    const now = this.clock.now();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO documents (id, kind, folder_id, title, description, audience, keep_offline, author_id, version, created_at, updated_at)
             VALUES (?, 'document', ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          )
          .run(id, input.folderId, input.title.trim(), input.description ?? '', JSON.stringify(input.audience), input.keepOffline ? 1 : 0, actor.memberId, now, now);
        this.addVersion(actor, id, 1, input.file, '', now);
      })
      .immediate();
    return { id, version: 1 };
  }

  /** The author, or an officer whose scope covers the whole audience, uploads a new version; the previous ones stay. */
  newVersion(actor: Actor, id: string, input: DocumentVersionInput): { version: number } {
    const row = this.row(id);
    if (!row || row.kind !== 'document') throw notFound();
    const audience = JSON.parse(row.audience) as Audience;
    if (row.author_id !== actor.memberId && !this.mayPublish(actor, audience)) {
      throw inAudience(actor, audience) ? new AppError('forbidden', 403, 'Not allowed') : notFound();
    }
    this.uploads.checkOwned(actor.memberId, [input.file]);
    const now = this.clock.now();
    const version = row.version + 1;
    this.db.transaction(() => this.addVersion(actor, id, version, input.file, input.note ?? '', now)).immediate();
    return { version };
  }

  /** Inserts the version row, then bumps the document (whose trigger stamps the sync sequence, so devices get the new list). */
  private addVersion(actor: Actor, id: string, version: number, file: Attachment, note: string, now: number): void {
    this.db
      .prepare('INSERT INTO document_versions (document_id, version, hash, name, type, size, note, author_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, version, file.hash, file.name, file.type, file.size, note, actor.memberId, now);
    this.db.prepare('UPDATE documents SET version = ?, updated_at = ? WHERE id = ?').run(version, now, id);
  }
}
