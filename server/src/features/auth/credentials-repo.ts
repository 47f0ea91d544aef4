import { Repository } from '../../lib/statements.ts';

/** The SQL of a member changing their own password or PIN. */
export class CredentialsRepo extends Repository {
  setPassword(memberId: string, hash: string, now: number): void {
    this.sql('UPDATE members SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, memberId);
  }

  setPin(memberId: string, hash: string, now: number): void {
    this.sql('UPDATE members SET pin_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, memberId);
  }

  /**
   * Ends every session of the member but the one whose token hash is given
   * (personal and kiosk alike). The sessions trigger bumps the sync auth
   * version, so the hub closes those sessions' sockets at its next poll.
   */
  endSessionsExcept(memberId: string, keepTokenHash: string): number {
    return this.sql('DELETE FROM sessions WHERE member_id = ? AND token_hash != ?').run(memberId, keepTokenHash).changes;
  }
}
