import { Repository } from '../../lib/statements.ts';

export interface KioskRow {
  id: string;
  name: string;
  unit_id: string;
}

/** The SQL of kiosks: registered tablets (credentials only hashed) and their sessions. */
export class KioskRepo extends Repository {

  unitName(unitId: string): string {
    return this.sql('SELECT name FROM units WHERE id = ?').pluck().get(unitId) as string;
  }

  insert(row: KioskRow, credentialHash: string, registeredBy: string, now: number): void {
    this.sql('INSERT INTO kiosks (id, unit_id, name, credential_hash, registered_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(row.id, row.unit_id, row.name, credentialHash, registeredBy, now);
  }

  /** The kiosk holding this credential, unless revoked. */
  byCredential(credentialHash: string): KioskRow | undefined {
    return this.sql('SELECT id, name, unit_id FROM kiosks WHERE credential_hash = ? AND revoked_at IS NULL').get(credentialHash) as KioskRow | undefined;
  }

  unitOf(id: string): string | undefined {
    return this.sql('SELECT unit_id FROM kiosks WHERE id = ?').pluck().get(id) as string | undefined;
  }

  /** Revokes the kiosk and ends every session opened on it. */
  revoke(id: string, now: number): void {
    this.sql('UPDATE kiosks SET revoked_at = ? WHERE id = ?').run(now, id);
    this.sql('DELETE FROM sessions WHERE kiosk_id = ?').run(id);
  }
}
