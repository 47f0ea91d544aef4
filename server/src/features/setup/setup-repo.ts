import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';

export interface SetupTokenRow {
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export class SetupRepo {
  constructor(private readonly db: Db) {}

  isSetUp(): boolean {
    return this.db.prepare('SELECT 1 FROM units WHERE parent_id IS NULL').get() !== undefined;
  }

  /** Replaces any unused token: only the newest printed link works. */
  replaceToken(tokenHash: string, now: number, expiresAt: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM setup_tokens WHERE used_at IS NULL').run();
      this.db.prepare('INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)').run(tokenHash, now, expiresAt);
    })();
  }

  discardUnusedTokens(): void {
    this.db.prepare('DELETE FROM setup_tokens WHERE used_at IS NULL').run();
  }

  findToken(tokenHash: string): SetupTokenRow | undefined {
    return this.db.prepare('SELECT * FROM setup_tokens WHERE token_hash = ?').get(tokenHash) as SetupTokenRow | undefined;
  }

  /** Marks the token used; false when another request used it first. */
  useToken(tokenHash: string, now: number): boolean {
    return this.db.prepare('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(now, tokenHash).changes === 1;
  }

  createUnionAndAdmin(input: { unionName: string; employeeNumber: string; name: string; passwordHash: string; now: number }): {
    unitId: string;
    memberId: string;
  } {
    const unitId = randomUUID();
    const memberId = randomUUID();
    const { now } = input;
    this.db
      .prepare("INSERT INTO units (id, parent_id, name, kind, created_at, updated_at) VALUES (?, NULL, ?, 'union', ?, ?)")
      .run(unitId, input.unionName, now, now);
    this.db
      .prepare(
        'INSERT INTO members (id, employee_number, name, unit_id, password_hash, activated_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(memberId, input.employeeNumber, input.name, unitId, input.passwordHash, now, now, now);
    this.db
      .prepare("INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, 'admin', ?)")
      .run(randomUUID(), memberId, unitId, now);
    return { unitId, memberId };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
