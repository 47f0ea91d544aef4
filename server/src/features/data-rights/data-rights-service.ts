import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Actor } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { AuditService } from '../audit/index.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { DataRightsRepo } from './data-rights-repo.ts';

/**
 * Each member's data rights under APPI (issue 15):
 * - `export`: everything held about one member (開示請求), for an officer with
 *   `member.manage` on the member's unit, as a ZIP of one JSON and a CSV per
 *   section; audited. Anonymous survey answers are not in it: nothing links them to anyone.
 * - `pseudonymiseExpired`: after a member left and the retention period
 *   passed, their name, kana, contact and employee number are replaced by a
 *   stable pseudonym derived from their (random) id, credentials removed, with
 *   SQLite's `secure_delete` on, a VACUUM and a WAL checkpoint, so no copy of
 *   the old values stays in the database file or its WAL. Counts stay; the
 *   audit log refers to member ids, never names, so its hash chain stays valid.
 */
export class DataRightsService {
  constructor(
    private readonly repo: DataRightsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly audit: AuditService,
  ) {}

  /** The member's data as a ZIP (`member.json` + one CSV per section); the export itself is audited. */
  export(actor: Actor | null, memberId: string): { fileName: string; body: Buffer } {
    const unitId = this.repo.unitOf(memberId);
    if (!unitId) throw notFound();
    const checks = [{ action: 'member.manage' as const, resource: { unitPath: this.actors.unitPath(unitId) } }];
    return this.mutate(actor, { checks, audit: { action: 'member.data_exported', target: memberId } }, (now) => {
      const sections = this.repo.sections(memberId);
      const files: Record<string, Uint8Array> = {
        'member.json': strToU8(JSON.stringify({ exportedAt: new Date(now).toISOString(), memberId, ...sections }, null, 2)),
      };
      for (const [name, rows] of Object.entries(sections)) {
        const columns = rows[0] ? Object.keys(rows[0]) : [];
        // BOM: Excel opens UTF-8 CSV with Japanese text correctly only with it.
        files[`${name}.csv`] = strToU8(`\uFEFF${stringify(rows, { header: true, columns: columns.length ? columns : undefined })}`);
      }
      return { fileName: `member-${memberId}-${new Date(now).toISOString().slice(0, 10)}.zip`, body: Buffer.from(zipSync(files, { level: 6 })) };
    });
  }

  /** Pseudonymises members who left more than `retentionDays` ago; returns their ids. */
  pseudonymiseExpired(retentionDays: number): string[] {
    const cutoff = this.clock.now() - retentionDays * 24 * 3600 * 1000;
    const due = this.repo.dueForPseudonymisation(cutoff);
    if (due.length === 0) return [];
    this.repo.overwriting(() => {
      const now = this.clock.now();
      for (const id of due) {
        this.repo.pseudonymise(id, `退会者-${createHash('sha256').update(id).digest('hex').slice(0, 10)}`, now);
        // A scheduled job, nobody's action: no actor; the row commits with the change it records.
        this.audit.record(null, 'member.pseudonymised', id, { retentionDays });
      }
    });
    return due;
  }
}
