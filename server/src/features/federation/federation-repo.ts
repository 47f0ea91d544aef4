import type { Attachment, DefaultAudience, FederationItem, Figures, LinkStatus } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface UnionRow {
  id: string;
  name: string;
  token_hash: string;
  token_expires_at: number;
  status: LinkStatus;
  paused_by: 'federation' | 'union' | null;
  public_key: string | null;
  last_seq: number;
  service_token_hash: string | null;
  updated_at: number;
  created_at: number;
  linked_at: number | null;
}

export interface ItemRow {
  id: string;
  seq: number;
  kind: 'notice' | 'action';
  title: string;
  body: string;
  action_date: number | null;
  demand: string | null;
  question: string | null;
  default_audience: DefaultAudience | null;
  materials: string;
  published_at: number;
  message: string | null;
  signature: string | null;
}

export interface LinkRow {
  id: string;
  url: string;
  federation_name: string;
  federation_key: string;
  status: 'active' | 'paused' | 'revoked';
  paused_by: 'federation' | 'union' | null;
  agreed_by: string;
  use_default_audience: number;
  shared_forms: string;
  /** The sync checkpoint of federation_items, `{seq, epoch}` as JSON (null: from the start). */
  peer_checkpoint: string | null;
  /** 1 while this union's own pause or revoke has not reached the federation (it was unreachable then). */
  untold: number;
  out_seq: number;
  linked_at: number;
  last_sync_at: number | null;
}

export interface InboxRow extends Omit<ItemRow, 'seq' | 'message' | 'signature'> {
  received_at: number;
  notice_id: string | null;
  audience: string | null;
  participation: number | null;
  participation_form: string | null;
}

export interface ReportRow {
  id: string;
  at: number;
  payload: string;
  delivered_at: number | null;
}

export const itemOf = (r: ItemRow): FederationItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  actionDate: r.action_date,
  demand: r.demand,
  question: r.question,
  defaultAudience: r.default_audience,
  materials: JSON.parse(r.materials) as Attachment[],
  publishedAt: r.published_at,
  seq: r.seq,
});

/** The SQL of both roles: a federation's member unions, items and reports; a union's link, inbox and sent reports. */
export class FederationRepo extends Repository {
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ---- federation side
  insertUnion(id: string, name: string, tokenHash: string, expiresAt: number, now: number): void {
    this.sql("INSERT INTO fed_unions (id, name, token_hash, token_expires_at, status, created_at) VALUES (?, ?, ?, ?, 'invited', ?)").run(id, name, tokenHash, expiresAt, now);
  }

  union(id: string): UnionRow | undefined {
    return this.sql('SELECT * FROM fed_unions WHERE id = ?').get(id) as UnionRow | undefined;
  }

  unionByToken(tokenHash: string): UnionRow | undefined {
    return this.sql('SELECT * FROM fed_unions WHERE token_hash = ?').get(tokenHash) as UnionRow | undefined;
  }

  /** The linked union whose service token (the sync credential) has this hash. */
  unionByServiceToken(tokenHash: string): UnionRow | undefined {
    return this.sql('SELECT * FROM fed_unions WHERE service_token_hash = ?').get(tokenHash) as UnionRow | undefined;
  }

  /** Linked unions among these ids, with their state (what the sync principals re-check). */
  unionsById(ids: readonly string[]): UnionRow[] {
    return this.sql('SELECT * FROM fed_unions WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as UnionRow[];
  }

  unions(): UnionRow[] {
    return this.sql('SELECT * FROM fed_unions ORDER BY name, id').all() as UnionRow[];
  }

  linkUnion(id: string, publicKey: string, serviceTokenHash: string, now: number): void {
    this.sql("UPDATE fed_unions SET status = 'active', public_key = ?, service_token_hash = ?, linked_at = ?, updated_at = ? WHERE id = ?").run(publicKey, serviceTokenHash, now, now, id);
  }

  /**
   * A link's new state. Open sync sockets of that union were authenticated under the old one (their
   * credential names it), so the credentials are re-checked at the next poll and those sockets closed.
   */
  setUnionStatus(id: string, status: LinkStatus, pausedBy: 'federation' | 'union' | null, now: number): void {
    this.sql('UPDATE fed_unions SET status = ?, paused_by = ?, updated_at = ? WHERE id = ?').run(status, pausedBy, now, id);
    this.sql('UPDATE sync_meta SET auth_version = auth_version + 1').run();
  }

  setLastSeq(id: string, seq: number): void {
    this.sql('UPDATE fed_unions SET last_seq = ? WHERE id = ?').run(seq, id);
  }

  /** Stores a published item with its signed text (what linked unions pull). */
  insertItem(item: Omit<FederationItem, 'seq'>, authorId: string, signed: { message: string; signature: string }): ItemRow {
    const seq = (this.sql('SELECT COALESCE(MAX(seq), 0) + 1 FROM fed_items').pluck().get() as number);
    this.sql(
      `INSERT INTO fed_items (id, seq, kind, title, body, action_date, demand, question, default_audience, materials, author_id, published_at, message, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(item.id, seq, item.kind, item.title, item.body, item.actionDate, item.demand, item.question, item.defaultAudience, JSON.stringify(item.materials), authorId, item.publishedAt, signed.message, signed.signature);
    return this.sql('SELECT * FROM fed_items WHERE id = ?').get(item.id) as ItemRow;
  }

  /** Items stored before items were signed (migration 0024): none on a server that started with it. */
  unsignedItems(): ItemRow[] {
    return this.sql('SELECT * FROM fed_items WHERE message IS NULL ORDER BY seq').all() as ItemRow[];
  }

  /** Stored again, signed: removed and inserted, so the change capture records it as new (those rows predate its triggers). */
  setItemSigned(id: string, signed: { message: string; signature: string }): void {
    const columns = 'id, seq, kind, title, body, action_date, demand, question, default_audience, materials, author_id, published_at, audience';
    const row = this.sql(`SELECT ${columns} FROM fed_items WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!row) return;
    this.sql('DELETE FROM fed_items WHERE id = ?').run(id);
    this.sql(`INSERT INTO fed_items (${columns}, message, signature) VALUES (${columns.split(', ').map((c) => `@${c}`).join(', ')}, @message, @signature)`).run({ ...row, ...signed });
  }

  /** Whether a published item lists this file (only those are served to unions). */
  isMaterial(hash: string): boolean {
    return this.sql(`SELECT 1 FROM fed_items, json_each(fed_items.materials) m WHERE json_extract(m.value, '$.hash') = ? LIMIT 1`).get(hash) !== undefined;
  }

  items(): ItemRow[] {
    return this.sql('SELECT * FROM fed_items ORDER BY seq DESC').all() as ItemRow[];
  }

  /** A report as the union signed it (the sync engine took it once: a resend is the same document). */
  insertReport(id: string, unionId: string, at: number, figures: Figures, now: number, signed: { message: string; signature: string }): void {
    this.sql('INSERT INTO fed_reports (id, union_id, at, received_at, figures, message, signature) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, unionId, at, now, JSON.stringify(figures), signed.message, signed.signature);
  }

  lastReport(unionId: string): { at: number; figures: Figures } | null {
    const row = this.sql('SELECT at, figures FROM fed_reports WHERE union_id = ? ORDER BY at DESC, received_at DESC LIMIT 1').get(unionId) as { at: number; figures: string } | undefined;
    return row ? { at: row.at, figures: JSON.parse(row.figures) as Figures } : null;
  }

  // ---- union side
  link(): LinkRow | undefined {
    return this.sql("SELECT * FROM link_federation WHERE status <> 'revoked'").get() as LinkRow | undefined;
  }

  /** The current link, or the last revoked one (what the admin's screen shows). */
  latestLink(): LinkRow | undefined {
    return this.sql("SELECT * FROM link_federation ORDER BY status = 'revoked', linked_at DESC LIMIT 1").get() as LinkRow | undefined;
  }

  insertLink(row: Pick<LinkRow, 'id' | 'url' | 'federation_name' | 'federation_key' | 'agreed_by' | 'linked_at'>): void {
    this.sql("INSERT INTO link_federation (id, url, federation_name, federation_key, status, agreed_by, linked_at) VALUES (?, ?, ?, ?, 'active', ?, ?)").run(
      row.id, row.url, row.federation_name, row.federation_key, row.agreed_by, row.linked_at,
    );
  }

  setLinkStatus(id: string, status: LinkRow['status'], pausedBy: 'federation' | 'union' | null, untold = false): void {
    this.sql('UPDATE link_federation SET status = ?, paused_by = ?, untold = ? WHERE id = ?').run(status, pausedBy, untold ? 1 : 0, id);
  }

  /** The link whose state this union changed while the federation could not be told (paused by it, or revoked). */
  untoldLink(): LinkRow | undefined {
    return this.sql('SELECT * FROM link_federation WHERE untold = 1 ORDER BY linked_at DESC LIMIT 1').get() as LinkRow | undefined;
  }

  setTold(id: string): void {
    this.sql('UPDATE link_federation SET untold = 0 WHERE id = ?').run(id);
  }

  setSharing(id: string, useDefault: boolean, forms: string[]): void {
    this.sql('UPDATE link_federation SET use_default_audience = ?, shared_forms = ? WHERE id = ?').run(useDefault ? 1 : 0, JSON.stringify(forms), id);
  }

  /** The next message sequence, kept before the message leaves (a crash never reuses one). */
  nextOutSeq(id: string): number {
    return this.sql('UPDATE link_federation SET out_seq = out_seq + 1 WHERE id = ? RETURNING out_seq').pluck().get(id) as number;
  }

  /** The federation_items checkpoint this page reached (stored with the page, in its transaction). */
  setPeerCheckpoint(id: string, checkpoint: string, now: number): void {
    this.sql('UPDATE link_federation SET peer_checkpoint = ?, last_sync_at = ? WHERE id = ?').run(checkpoint, now, id);
  }

  /** Stores a received item once (a repeated pull changes nothing); true when it is new. */
  insertInbox(item: FederationItem, now: number): boolean {
    return (
      this.sql(
        `INSERT OR IGNORE INTO link_inbox (id, kind, title, body, action_date, demand, question, default_audience, materials, published_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(item.id, item.kind, item.title, item.body, item.actionDate, item.demand, item.question, item.defaultAudience, JSON.stringify(item.materials), item.publishedAt, now).changes === 1
    );
  }

  inbox(): InboxRow[] {
    return this.sql('SELECT * FROM link_inbox ORDER BY published_at DESC, id').all() as InboxRow[];
  }

  inboxItem(id: string): InboxRow | undefined {
    return this.sql('SELECT * FROM link_inbox WHERE id = ?').get(id) as InboxRow | undefined;
  }

  setReleased(id: string, noticeId: string, audience: string, formId: string | null): void {
    this.sql('UPDATE link_inbox SET notice_id = ?, audience = ?, participation_form = ? WHERE id = ?').run(noticeId, audience, formId, id);
  }

  setParticipation(id: string, count: number | null): void {
    this.sql('UPDATE link_inbox SET participation = ? WHERE id = ?').run(count, id);
  }

  /** Unified actions with a typed count or a participation survey. */
  participation(): { id: string; participation: number | null; participation_form: string | null }[] {
    return this.sql("SELECT id, participation, participation_form FROM link_inbox WHERE kind = 'action' AND (participation IS NOT NULL OR participation_form IS NOT NULL) ORDER BY id").all() as {
      id: string;
      participation: number | null;
      participation_form: string | null;
    }[];
  }

  /** Members not left, by class and by the kind of their unit: counts only. */
  membership(): Figures['membership'] {
    return this.sql(
      `SELECT m.member_class AS memberClass, u.kind AS unitKind, COUNT(*) AS count FROM members m JOIN units u ON u.id = m.unit_id
       WHERE m.status <> 'left' GROUP BY m.member_class, u.kind ORDER BY m.member_class, u.kind`,
    ).all() as Figures['membership'];
  }

  rootId(): string {
    return (this.sql('SELECT id FROM units WHERE parent_id IS NULL').pluck().get() as string | undefined) ?? '';
  }

  unionName(): string {
    return (this.sql('SELECT name FROM units WHERE parent_id IS NULL').pluck().get() as string | undefined) ?? '';
  }

  insertSent(id: string, at: number, payload: string): void {
    this.sql('INSERT INTO link_reports (id, at, payload) VALUES (?, ?, ?)').run(id, at, payload);
  }

  pendingReports(): ReportRow[] {
    return this.sql('SELECT * FROM link_reports WHERE delivered_at IS NULL ORDER BY at, id').all() as ReportRow[];
  }

  sentReports(): ReportRow[] {
    return this.sql('SELECT * FROM link_reports ORDER BY at DESC, id').all() as ReportRow[];
  }

  setDelivered(id: string, now: number): void {
    this.sql('UPDATE link_reports SET delivered_at = ? WHERE id = ?').run(now, id);
  }
}
