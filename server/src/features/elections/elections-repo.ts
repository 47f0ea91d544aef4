import type { ElectionInput, ElectionState } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface ElectionRow {
  id: string;
  unit_id: string;
  input: string;
  state: ElectionState;
  created_by: string;
  created_at: number;
  updated_at: number;
  roll_frozen_at: number | null;
  threshold: number;
  trustees_json: string | null;
  uuid: string | null;
  election_json: string | null;
  credentials_json: string | null;
  opened_at: number | null;
  encrypted_tally: string | null;
  num_tallied: number | null;
  total_weight: number | null;
  result: string | null;
  paper_totals: string | null;
  outcome: string | null;
  notice_id: string | null;
  reminded_at: number | null;
  /** A commission member as credential authority; null: server mode. */
  credential_authority: string | null;
}

export interface TrusteeRow {
  idx: number;
  member_id: string;
  name: string;
  cert: string | null;
  polynomial: string | null;
  vinput: string | null;
  voutput: string | null;
  decryption: string | null;
}

export interface RollRow {
  member_id: string;
  employee_number: string;
  name: string;
  unit_id: string;
  member_class: string;
  weight: number;
}

export interface EligibleMember {
  id: string;
  unit_id: string;
  member_class: string;
  status: 'active' | 'on_leave' | 'left';
}

export type ElectionColumns = Partial<Omit<ElectionRow, 'id' | 'unit_id' | 'created_by' | 'created_at'>>;

/** The elections' tables; batch writes take one statement over a JSON array (json_each), never a statement per row. */
export class ElectionsRepo extends Repository {
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  election(id: string): ElectionRow | undefined {
    return this.sql('SELECT * FROM elections WHERE id = ?').get(id) as ElectionRow | undefined;
  }

  all(): ElectionRow[] {
    return this.sql('SELECT * FROM elections ORDER BY created_at DESC, id').all() as ElectionRow[];
  }

  insert(id: string, input: ElectionInput, by: string, now: number): void {
    this.sql('INSERT INTO elections (id, unit_id, input, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.unitId, JSON.stringify(input), by, now, now);
  }

  /** Sets the given columns (names from ElectionColumns only, never from input). */
  update(id: string, columns: ElectionColumns, now: number): void {
    const keys = Object.keys(columns) as (keyof ElectionColumns)[];
    const sets = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @now'].join(', ');
    this.db.prepare(`UPDATE elections SET ${sets} WHERE id = @id`).run({ ...columns, now, id });
  }

  /** Moves the state only from `from` (a concurrent request loses the race): whether it moved. */
  moveState(id: string, from: ElectionState, to: ElectionState, now: number): boolean {
    return this.sql('UPDATE elections SET state = ?, updated_at = ? WHERE id = ? AND state = ?').run(to, now, id, from).changes === 1;
  }

  // ---- the roll ----------------------------------------------------------

  members(): EligibleMember[] {
    return this.sql('SELECT id, unit_id, member_class, status FROM members').all() as EligibleMember[];
  }

  membersByIds(ids: readonly string[]): EligibleMember[] {
    return this.sql('SELECT id, unit_id, member_class, status FROM members WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as EligibleMember[];
  }

  /** Replaces the roll with these members (one statement). */
  freezeRoll(electionId: string, members: readonly { id: string; unit_id: string; member_class: string }[]): void {
    this.sql('DELETE FROM election_roll WHERE election_id = ?').run(electionId);
    this.addToRoll(electionId, members);
  }

  addToRoll(electionId: string, members: readonly { id: string; unit_id: string; member_class: string }[]): void {
    this.sql(
      `INSERT OR IGNORE INTO election_roll (election_id, member_id, unit_id, member_class)
       SELECT ?, json_extract(value, '$.id'), json_extract(value, '$.unit_id'), json_extract(value, '$.member_class') FROM json_each(?)`,
    ).run(electionId, JSON.stringify(members.map((m) => ({ id: m.id, unit_id: m.unit_id, member_class: m.member_class }))));
  }

  removeFromRoll(electionId: string, memberIds: readonly string[]): void {
    this.sql('DELETE FROM election_roll WHERE election_id = ? AND member_id IN (SELECT value FROM json_each(?))').run(electionId, JSON.stringify(memberIds));
  }

  setWeights(electionId: string, weights: readonly { memberId: string; weight: number }[]): number {
    return this.sql(
      `UPDATE election_roll SET weight = (SELECT json_extract(value, '$.weight') FROM json_each(@list) WHERE json_extract(value, '$.memberId') = election_roll.member_id)
       WHERE election_id = @id AND member_id IN (SELECT json_extract(value, '$.memberId') FROM json_each(@list))`,
    ).run({ id: electionId, list: JSON.stringify(weights) }).changes;
  }

  rollStats(electionId: string): { size: number; weight: number } {
    return this.sql('SELECT count(*) AS size, coalesce(sum(weight), 0) AS weight FROM election_roll WHERE election_id = ?').get(electionId) as { size: number; weight: number };
  }

  rollEntry(electionId: string, memberId: string): { weight: number; unit_id: string } | undefined {
    return this.sql('SELECT weight, unit_id FROM election_roll WHERE election_id = ? AND member_id = ?').get(electionId, memberId) as { weight: number; unit_id: string } | undefined;
  }

  /** A page of the roll by employee number after `cursor`, optionally filtered by name or number. */
  rollPage(electionId: string, cursor: string, q: string, limit: number): { rows: RollRow[]; total: number } {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = "r.election_id = ? AND (? = '' OR m.name LIKE ? ESCAPE '\\' OR m.employee_number LIKE ? ESCAPE '\\')";
    const rows = this.sql(
      `SELECT r.member_id, m.employee_number, m.name, r.unit_id, r.member_class, r.weight FROM election_roll r JOIN members m ON m.id = r.member_id
       WHERE ${where} AND m.employee_number > ? ORDER BY m.employee_number LIMIT ?`,
    ).all(electionId, q, like, like, cursor, limit) as RollRow[];
    const total = this.sql(`SELECT count(*) FROM election_roll r JOIN members m ON m.id = r.member_id WHERE ${where}`).pluck().get(electionId, q, like, like) as number;
    return { rows, total };
  }

  /** Every roll member with their weight, in a stable order (credentials are issued over it). */
  roll(electionId: string): { member_id: string; unit_id: string; weight: number }[] {
    return this.sql('SELECT member_id, unit_id, weight FROM election_roll WHERE election_id = ? ORDER BY member_id').all(electionId) as { member_id: string; unit_id: string; weight: number }[];
  }

  /** Elections (not drafts) whose roll holds the member. */
  electionsOf(memberId: string): ElectionRow[] {
    return this.sql("SELECT e.* FROM elections e JOIN election_roll r ON r.election_id = e.id WHERE r.member_id = ? AND e.state != 'draft' ORDER BY e.created_at DESC").all(memberId) as ElectionRow[];
  }

  // ---- who voted -----------------------------------------------------------

  voted(electionId: string, memberId: string): 'online' | 'paper' | null {
    return (this.sql('SELECT how FROM election_voters WHERE election_id = ? AND member_id = ?').pluck().get(electionId, memberId) as 'online' | 'paper' | undefined) ?? null;
  }

  markVoted(electionId: string, memberId: string, how: 'online' | 'paper'): void {
    this.sql('INSERT OR IGNORE INTO election_voters (election_id, member_id, how) VALUES (?, ?, ?)').run(electionId, memberId, how);
  }

  /** Roll members with how they voted (null: not yet). */
  turnoutRows(electionId: string): { member_id: string; unit_id: string; weight: number; how: 'online' | 'paper' | null }[] {
    return this.sql(
      'SELECT r.member_id, r.unit_id, r.weight, v.how FROM election_roll r LEFT JOIN election_voters v ON v.election_id = r.election_id AND v.member_id = r.member_id WHERE r.election_id = ?',
    ).all(electionId) as { member_id: string; unit_id: string; weight: number; how: 'online' | 'paper' | null }[];
  }

  // ---- trustees -----------------------------------------------------------

  trustees(electionId: string): TrusteeRow[] {
    return this.sql(
      'SELECT t.idx, t.member_id, m.name, t.cert, t.polynomial, t.vinput, t.voutput, t.decryption FROM election_trustees t JOIN members m ON m.id = t.member_id WHERE t.election_id = ? ORDER BY t.idx',
    ).all(electionId) as TrusteeRow[];
  }

  setTrustees(electionId: string, memberIds: readonly string[]): void {
    this.sql('DELETE FROM election_trustees WHERE election_id = ?').run(electionId);
    this.sql("INSERT INTO election_trustees (election_id, idx, member_id) SELECT ?, key + 1, value FROM json_each(?)").run(electionId, JSON.stringify(memberIds));
  }

  setTrusteeMessage(electionId: string, idx: number, column: 'cert' | 'polynomial' | 'voutput', message: string): void {
    this.db.prepare(`UPDATE election_trustees SET ${column} = ? WHERE election_id = ? AND idx = ?`).run(message, electionId, idx);
  }

  setVinputs(electionId: string, vinputs: readonly string[]): void {
    this.sql('UPDATE election_trustees SET vinput = (SELECT value FROM json_each(@list) WHERE key + 1 = idx) WHERE election_id = @id').run({ id: electionId, list: JSON.stringify(vinputs) });
  }

  setDecryption(electionId: string, idx: number, message: string): void {
    this.sql('UPDATE election_trustees SET decryption = @message, decrypted_seq = (SELECT coalesce(max(decrypted_seq), 0) + 1 FROM election_trustees WHERE election_id = @id) WHERE election_id = @id AND idx = @idx').run({
      message,
      id: electionId,
      idx,
    });
  }

  /** Partial decryptions in the order they arrived (the archive's order). */
  decryptions(electionId: string): { idx: number; decryption: string }[] {
    return this.sql('SELECT idx, decryption FROM election_trustees WHERE election_id = ? AND decryption IS NOT NULL ORDER BY decrypted_seq').all(electionId) as { idx: number; decryption: string }[];
  }

  // ---- credentials (server mode) -----------------------------------------

  storeCredentials(electionId: string, issued: readonly { memberId: string; secret: string; publicKey: string }[]): void {
    this.sql(
      `INSERT INTO election_credentials (election_id, member_id, secret, public_key)
       SELECT ?, json_extract(value, '$.memberId'), json_extract(value, '$.secret'), json_extract(value, '$.publicKey') FROM json_each(?)`,
    ).run(electionId, JSON.stringify(issued));
  }

  /** secret is null in commission-member mode (the server never sees it). */
  credential(electionId: string, memberId: string): { secret: string | null; public_key: string } | undefined {
    return this.sql('SELECT secret, public_key FROM election_credentials WHERE election_id = ? AND member_id = ?').get(electionId, memberId) as { secret: string | null; public_key: string } | undefined;
  }

  /** Commission-member mode: the authority's public credentials replace any sent before (one statement). */
  storePublicCredentials(electionId: string, list: readonly { memberId: string; publicKey: string }[]): void {
    this.forgetCredentials(electionId);
    this.sql(
      `INSERT INTO election_credentials (election_id, member_id, secret, public_key)
       SELECT ?, json_extract(value, '$.memberId'), NULL, json_extract(value, '$.publicKey') FROM json_each(?)`,
    ).run(electionId, JSON.stringify(list));
  }

  /** Every stored public credential with the member's roll weight (null: the member is no longer on the roll). */
  publicCredentials(electionId: string): { member_id: string; public_key: string; weight: number | null }[] {
    return this.sql(
      'SELECT c.member_id, c.public_key, r.weight FROM election_credentials c LEFT JOIN election_roll r ON r.election_id = c.election_id AND r.member_id = c.member_id WHERE c.election_id = ?',
    ).all(electionId) as { member_id: string; public_key: string; weight: number | null }[];
  }

  credentialCount(electionId: string): number {
    return this.sql('SELECT count(*) FROM election_credentials WHERE election_id = ?').pluck().get(electionId) as number;
  }

  memberName(memberId: string): string {
    return (this.sql('SELECT name FROM members WHERE id = ?').pluck().get(memberId) as string | undefined) ?? '';
  }

  /** A re-issued credential replaces the member's (the old secret is overwritten; secure_delete zeroes freed bytes). */
  replaceCredential(electionId: string, memberId: string, next: { secret: string | null; publicKey: string }): void {
    this.sql('UPDATE election_credentials SET secret = ?, public_key = ? WHERE election_id = ? AND member_id = ?').run(next.secret, next.publicKey, electionId, memberId);
  }

  forgetCredentials(electionId: string): void {
    this.sql('DELETE FROM election_credentials WHERE election_id = ?').run(electionId);
  }

  /**
   * After secrets were deleted (secure_delete zeroes their bytes in the pages):
   * VACUUM rewrites the file without free pages, and the TRUNCATE checkpoint
   * empties the WAL, where earlier copies of those pages would linger.
   */
  scrub(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  // ---- ballots ------------------------------------------------------------

  appendBallot(electionId: string, ballot: string, tracker: string): number {
    const seq = (this.sql('SELECT coalesce(max(seq), 0) + 1 FROM election_ballots WHERE election_id = ?').pluck().get(electionId) as number);
    this.sql('INSERT INTO election_ballots (election_id, seq, ballot, tracker) VALUES (?, ?, ?, ?)').run(electionId, seq, ballot, tracker);
    return seq;
  }

  hasTracker(electionId: string, tracker: string): boolean {
    return this.sql('SELECT 1 FROM election_ballots WHERE election_id = ? AND tracker = ?').get(electionId, tracker) !== undefined;
  }

  ballots(electionId: string): string[] {
    return this.sql('SELECT ballot FROM election_ballots WHERE election_id = ? ORDER BY seq').pluck().all(electionId) as string[];
  }

  ballotCount(electionId: string): number {
    return this.sql('SELECT count(*) FROM election_ballots WHERE election_id = ?').pluck().get(electionId) as number;
  }

  // ---- names --------------------------------------------------------------

  unitNames(): Map<string, string> {
    return new Map((this.sql('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  }

  memberExists(ids: readonly string[]): string[] {
    return this.sql('SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
  }
}
