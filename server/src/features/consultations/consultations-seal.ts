import type { ConsultationDoc, ConsultationFile } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import { SealingKey } from '../../lib/sealed.ts';

/** What the key check seals: opening it proves the key file is the one the content was sealed with. */
const CHECK = 'kumiai consultations key check';

export class ConsultationKeyError extends Error {}

/**
 * The sealed fields of a consultation row: text, attachments (names and ids,
 * as JSON) and the contact note, each bound to its record and field (AAD
 * `<id>/<field>`), and attached files' bytes (AAD `file/<id>`). The key lives
 * in a file outside the database (KUMIAI_CONSULTATIONS_KEY_FILE).
 */
export class ConsultationSeal {
  constructor(private readonly key: SealingKey) {}

  /**
   * The key for this database: made at the first start of a database that has
   * sealed nothing yet; otherwise the key file must be there and be the one
   * that sealed the check (the server refuses to start rather than make a new
   * key nothing opens, or hand out garbage).
   */
  static open(db: Db, file: string, log: { warn(obj: object, msg: string): void }): ConsultationSeal {
    const check = db.prepare('SELECT key_check FROM consultation_settings WHERE id = 1').pluck().get() as string | null;
    const key = SealingKey.load(file, log, 'consultations', check === null);
    if (!key) {
      throw new ConsultationKeyError(
        `The consultations key file ${file} is missing, but this database holds consultations sealed with it. Restore the key file kept ` +
          'beside your backups (KUMIAI_CONSULTATIONS_KEY_FILE names another place); see server/src/features/consultations/README.md.',
      );
    }
    if (check === null) {
      db.prepare('UPDATE consultation_settings SET key_check = ? WHERE id = 1').run(key.seal(CHECK, 'key-check'));
    } else {
      let opened = '';
      try {
        opened = key.open(check, 'key-check');
      } catch {
        // below
      }
      if (opened !== CHECK) throw new ConsultationKeyError(`The consultations key file ${file} is not the key this database's consultations were sealed with.`);
    }
    return new ConsultationSeal(key);
  }

  text(id: string, field: 'text' | 'contactNote', plain: string): string {
    return this.key.seal(plain, `${id}/${field}`);
  }

  attachments(id: string, files: readonly ConsultationFile[]): string {
    return this.key.seal(JSON.stringify(files), `${id}/attachments`);
  }

  openAttachments(id: string, sealed: string): ConsultationFile[] {
    return sealed === '' ? [] : (JSON.parse(this.key.open(sealed, `${id}/attachments`)) as ConsultationFile[]);
  }

  fileBytes(fileId: string, plain: Buffer): Buffer {
    return this.key.sealBytes(plain, `file/${fileId}`);
  }

  openFileBytes(fileId: string, sealed: Buffer): Buffer {
    return this.key.openBytes(sealed, `file/${fileId}`);
  }

  /** A projected document with its sealed fields opened (the sync engine's `decode`). */
  decode(doc: ConsultationDoc): ConsultationDoc {
    const open = (field: 'text' | 'contactNote') => {
      const value = doc[field];
      return typeof value === 'string' && value !== '' ? this.key.open(value, `${doc.id}/${field}`) : value;
    };
    const out: ConsultationDoc = { ...doc, text: open('text') ?? '' };
    if (typeof doc.attachments === 'string') out.attachments = this.openAttachments(doc.id, doc.attachments);
    if (doc.contactNote !== undefined) out.contactNote = open('contactNote') ?? '';
    return out;
  }
}
