import { unionDayStart, UNION_UTC_OFFSET_MS, type Actor, type AuditEntryView, type AuditPage, type AuditQuery } from '@kumiai/shared';
import type { Readable } from 'node:stream';
import { excelCsvStream } from '../../lib/csv-export.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { AuditFilter, AuditListRow, AuditRepo } from './audit-repo.ts';

const PAGE = 100;
const EXPORT_PAGE = 1000;
const DAY = 24 * 3600 * 1000;

/** The audit log for people: filters, names, pages, and the CSV of a filtered list. Who may read it is the route's check. */
export class AuditLogService {
  constructor(
    private readonly repo: AuditRepo,
    private readonly mutate: Mutate,
  ) {}

  private filter(query: AuditQuery): AuditFilter {
    const day = (date: string | undefined) => {
      if (date === undefined) return undefined;
      const start = unionDayStart(date);
      if (start === null) throw new AppError('validation_failed', 400, `No such date: ${date}`);
      return start;
    };
    const from = day(query.from);
    const to = day(query.to);
    return {
      ...(query.actor ? { actorId: query.actor } : {}),
      ...(query.action ? { actions: [...new Set(query.action.split(','))] } : {}),
      ...(from !== undefined ? { fromAt: from } : {}),
      // `to` is a whole day: up to the start of the next one.
      ...(to !== undefined ? { toAt: to + DAY } : {}),
      ...(query.before ? { beforeSeq: Number(query.before) } : {}),
    };
  }

  list(query: AuditQuery): AuditPage {
    const rows = this.repo.list(this.filter(query), PAGE);
    return { entries: rows.map(view), next: rows.length === PAGE ? String(rows[rows.length - 1]!.seq) : null };
  }

  /** The filtered list as CSV for Excel, read page by page as it is sent; the export itself is audited first. */
  exportCsv(actor: Actor, query: AuditQuery): Readable {
    const filter = this.filter({ ...query, before: undefined });
    // The file holds the entries up to now; the export's own entry, recorded first, is the next one.
    const upTo = this.repo.lastSeq();
    this.mutate(actor, { checks: [], audit: { action: 'audit.exported', target: null, detail: { ...query } } }, () => undefined);
    const repo = this.repo;
    function* pages() {
      let before = upTo + 1;
      for (;;) {
        const rows = repo.list({ ...filter, beforeSeq: before }, EXPORT_PAGE);
        yield rows.map(csvRow);
        if (rows.length < EXPORT_PAGE) return;
        before = rows[rows.length - 1]!.seq;
      }
    }
    return excelCsvStream(['番号', '日時', '操作者ID', '操作者', '操作', '対象ID', '対象', '詳細'], pages());
  }
}

function view(row: AuditListRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    targetName: row.target_name,
    targetKind: row.target_kind,
    detail: JSON.parse(row.detail) as unknown,
  };
}

const unionTime = (ms: number) => new Date(ms + UNION_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

function csvRow(row: AuditListRow): (string | number | null)[] {
  return [row.seq, unionTime(row.at), row.actor_id, row.actor_name, row.action, row.target, row.target_name, row.detail];
}
