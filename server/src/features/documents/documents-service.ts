import { randomUUID } from 'node:crypto';
import { englishOrNull, type Actor, type Audience, type DocumentInput, type DocumentVersionInput, type FolderInput } from '@kumiai/shared';
import { requireOffice } from '../../lib/access.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import type { DocumentRow, DocumentsRepo } from './documents-repo.ts';

const EVERYONE: Audience = { all: true, units: [], roles: [], members: [] };

/**
 * The documents library (資料室): officers publish documents into folders, to
 * audiences within their scope (the same rule as notices); each new file is a
 * new version and the previous ones are kept. Members read through sync.
 * Every write goes through the mutation wrapper, so each is audited.
 */
export class DocumentsService {
  constructor(
    private readonly repo: DocumentsRepo,
    private readonly actors: ActorRepo,
    private readonly uploads: UploadsService,
    private readonly mutate: Mutate,
  ) {}

  /** Who reads a document (its audience, and its author always), for features that point at one (a meeting's materials); null when there is no such document. */
  readersOf(id: string): { audience: Audience; authorId: string | null } | null {
    const row = this.repo.document(id);
    if (!row || row.kind !== 'document') return null;
    return { audience: JSON.parse(row.audience) as Audience, authorId: row.author_id };
  }

  private checkAudience(actor: Actor, audience: Audience): void {
    for (const unit of audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    if (!this.actors.mayPublishTo(actor, audience)) throw new AppError('forbidden', 403, 'You can publish only to units and members within your own scope');
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
    return this.mutate(actor, { checks: [], audit: { action: 'folder.created', target: id, detail: { name: input.name.trim(), audience } } }, (now) => {
      this.repo.insertFolder(id, input.name.trim(), englishOrNull(input.nameEn), audience, input.sort ?? this.repo.nextFolderSort(), actor.memberId, now);
      return { id };
    });
  }

  create(actor: Actor, input: DocumentInput): { id: string; version: number } {
    const folder = this.repo.document(input.folderId);
    if (!folder || folder.kind !== 'folder') throw notFound('No such folder');
    this.checkAudience(actor, input.audience);
    this.uploads.checkOwned(actor.memberId, [input.file]);
    const id = randomUUID();
    const detail = { title: input.title.trim(), folderId: input.folderId, audience: input.audience, file: input.file.hash };
    return this.mutate(actor, { checks: [], audit: { action: 'document.created', target: id, detail } }, (now) => {
      this.repo.insertDocument(id, input, actor.memberId, now);
      this.repo.addVersion(id, 1, input.file, '', actor.memberId, now);
      return { id, version: 1 };
    });
  }

  /** The author, or an officer whose scope covers the whole audience, uploads a new version; the previous ones stay. */
  newVersion(actor: Actor, id: string, input: DocumentVersionInput): { version: number } {
    const found = this.repo.document(id);
    // A document reaches its audience as soon as it exists (there are no drafts).
    const document = (row: DocumentRow) => ({ authorId: row.author_id, audience: JSON.parse(row.audience) as Audience, released: true });
    const row = requireOffice(actor, found?.kind === 'document' ? found : undefined, document, (audience) => this.actors.mayPublishTo(actor, audience));
    this.uploads.checkOwned(actor.memberId, [input.file]);
    const version = row.version + 1;
    return this.mutate(actor, { checks: [], audit: { action: 'document.versioned', target: id, detail: { version, file: input.file.hash } } }, (now) => {
      this.repo.addVersion(id, version, input.file, input.note ?? '', actor.memberId, now);
      return { version };
    });
  }
}
