import { Repository } from '../../lib/statements.ts';

/** The SQL of uploads: each stored file once, and who uploaded it under which name. */
export class UploadsRepo extends Repository {
  /** Remembers the file (once) and this member as one of its uploaders. */
  record(hash: string, size: number, type: string, memberId: string, name: string, now: number): void {
    this.db.transaction(() => {
      this.sql('INSERT OR IGNORE INTO uploads (hash, size, type, created_at) VALUES (?, ?, ?, ?)').run(hash, size, type, now);
      this.sql('INSERT INTO upload_owners (hash, member_id, name, at) VALUES (?, ?, ?, ?) ON CONFLICT (hash, member_id) DO UPDATE SET name = excluded.name').run(hash, memberId, name, now);
    })();
  }

  /** The file's true size and type, if this member uploaded it. */
  owned(hash: string, memberId: string): { size: number; type: string } | undefined {
    return this.sql('SELECT u.size, u.type FROM uploads u JOIN upload_owners o ON o.hash = u.hash WHERE u.hash = ? AND o.member_id = ?').get(hash, memberId) as { size: number; type: string } | undefined;
  }

  /** Bytes of the files this member uploaded after `since`. */
  usedSince(memberId: string, since: number): number {
    return this.sql('SELECT coalesce(sum(u.size), 0) FROM upload_owners o JOIN uploads u ON u.hash = o.hash WHERE o.member_id = ? AND o.at > ?').pluck().get(memberId, since) as number;
  }

  /** Forgets a file and its uploaders (a sealed file being erased). */
  forget(hash: string): void {
    this.db.transaction(() => {
      this.sql('DELETE FROM upload_owners WHERE hash = ?').run(hash);
      this.sql('DELETE FROM uploads WHERE hash = ?').run(hash);
    })();
  }

  file(hash: string): { type: string; size: number } | undefined {
    return this.sql('SELECT type, size FROM uploads WHERE hash = ?').get(hash) as { type: string; size: number } | undefined;
  }
}
