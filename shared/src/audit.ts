import type { FromSchema } from 'json-schema-to-ts';

/**
 * The union's time zone: Japan (UTC+9, no daylight saving), as the CSV exports
 * write times. A date range in the audit log's filter is whole days here.
 */
export const UNION_UTC_OFFSET_MS = 9 * 3600 * 1000;

const isoDate = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

/**
 * `GET /api/audit` and `GET /api/audit/export.csv`: every filter optional.
 * `actor`: a member id; `action`: one or several codes, comma-separated;
 * `from`/`to`: dates (YYYY-MM-DD, both days included, union time); `before`: the page cursor.
 */
export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    before: { type: 'string', pattern: '^[0-9]{1,15}$' },
    actor: { type: 'string', minLength: 1, maxLength: 64 },
    action: { type: 'string', maxLength: 2000, pattern: '^[a-z_.]+(,[a-z_.]+)*$' },
    from: isoDate,
    to: isoDate,
  },
} as const;
export type AuditQuery = FromSchema<typeof auditQuerySchema>;

export type AuditTargetKind = 'member' | 'unit' | 'notice' | 'form' | 'document' | 'kiosk' | 'application';

/** One audit entry as people read it: names beside the ids (null when the id names nothing, e.g. a CLI import). */
export interface AuditEntryView {
  seq: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  targetName: string | null;
  targetKind: AuditTargetKind | null;
  detail: unknown;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next page; null at the end. */
  next: string | null;
}

/** The first millisecond of a union-time date (YYYY-MM-DD), or null for a date that does not exist (2026-02-30). */
export function unionDayStart(date: string): number | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  if (new Date(utc).toISOString().slice(0, 10) !== date) return null;
  return utc - UNION_UTC_OFFSET_MS;
}
