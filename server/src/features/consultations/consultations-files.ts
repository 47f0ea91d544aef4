import { randomToken } from '../../lib/crypto.ts';
import type { Actor, ConsultationFile } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import { cleanFileName, type UploadsService } from '../uploads/index.ts';
import type { ConsultationSeal } from './consultations-seal.ts';

/**
 * Files attached to consultations: stored sealed through uploads' at-rest
 * option (no plaintext on disk, the sealed bytes in backups like any upload),
 * fetched only by those who read the case or message that attaches them (the
 * sync engine's own rule), or by their uploader until they are attached.
 */
export class ConsultationFiles {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly uploads: UploadsService,
    private readonly seal: ConsultationSeal,
  ) {}

  store(actor: Actor, name: string, body: Buffer): ConsultationFile {
    const id = randomToken(16);
    const stored = this.uploads.storeSealed(actor, body, (plain) => this.seal.fileBytes(id, plain));
    this.db
      .prepare('INSERT INTO consultation_files (id, hash, uploader_id, type, size, record_id, case_id, created_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)')
      .run(id, stored.hash, actor.memberId, stored.type, stored.size, this.clock.now());
    return { id, name: cleanFileName(name), type: stored.type, size: stored.size };
  }

  /** The file and the name to serve it under, for those who may read it; otherwise 404, as for one that does not exist. */
  read(actor: Actor, sync: SyncEngine, id: string): { body: Buffer; type: string; name: string } {
    const row = this.db.prepare('SELECT hash, uploader_id, type, record_id FROM consultation_files WHERE id = ?').get(id) as
      | { hash: string; uploader_id: string; type: string; record_id: string | null }
      | undefined;
    if (!row) throw notFound();
    const mayRead = row.record_id === null ? row.uploader_id === actor.memberId : sync.readable(actor, 'consultations', row.record_id);
    if (!mayRead) throw notFound();
    let name = 'file';
    if (row.record_id !== null) {
      const sealed = this.db.prepare('SELECT attachments FROM consultations WHERE id = ?').pluck().get(row.record_id) as string;
      // The name the device wrote beside the file's id, cleaned as any served name.
      name = cleanFileName(this.seal.openAttachments(row.record_id, sealed).find((f) => f.id === id)?.name ?? 'file');
    }
    return { body: this.seal.openFileBytes(id, this.uploads.readSealed(row.hash)), type: row.type, name };
  }
}
