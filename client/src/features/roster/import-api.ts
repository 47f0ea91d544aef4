import { apiPost } from '../../api/client.ts';

export type ImportKind = 'members' | 'units';

export interface ImportProblem {
  line: number;
  code: string;
  field?: string;
  value?: string;
  expected?: number;
  actual?: number;
}

export interface ImportWarning {
  line?: number;
  code: string;
  field?: string;
  value?: string;
}

export interface ImportReport {
  encoding: string;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  problems: ImportProblem[];
  warnings: ImportWarning[];
  missing?: { employeeNumber: string; name: string; unitId: string }[];
}

export interface ImportResult {
  report: ImportReport;
  created: number;
  updated: number;
}

/** The file goes as its raw bytes: the server detects UTF-8 or Shift_JIS itself. */
export function dryRun(kind: ImportKind, file: File): Promise<ImportReport> {
  return apiPost<{ report: ImportReport }>(`/api/${kind}/import?mode=dry-run`, file).then((r) => r.report);
}

export function apply(kind: ImportKind, file: File): Promise<ImportResult> {
  return apiPost<ImportResult>(`/api/${kind}/import?mode=apply`, file);
}

/** A refused apply carries the report that explains it. */
export function reportOf(body: unknown): ImportReport | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = body.error as { report?: ImportReport } | null;
  return error?.report ?? null;
}
