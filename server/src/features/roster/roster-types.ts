import type { Actor, ErrorCode } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';

/**
 * Shapes shared by the member-roster and units imports: one report format, so
 * the import wizard and `pnpm kumiai … import` show the same thing.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** Codes of problems that block an import. Each names a row (line) or, for `csv_*`, the whole file. */
export type RosterProblemCode =
  // File-level: there is no usable table.
  | 'csv_empty'
  | 'csv_malformed'
  | 'csv_missing_columns'
  // Row-level, both imports.
  | 'wrong_column_count'
  | 'missing_name'
  | 'too_long'
  | 'unit_out_of_scope'
  // Members.
  | 'missing_employee_number'
  | 'duplicate_employee_number'
  | 'missing_unit'
  | 'unknown_unit'
  | 'ambiguous_unit'
  | 'member_out_of_scope'
  | 'member_holds_higher_role'
  | 'bad_date'
  | 'bad_status'
  | 'bad_email'
  // Units.
  | 'missing_code'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'bad_kind'
  | 'archived_unit'
  | 'unit_cycle';

export type RosterWarningCode = 'leading_zeros_stripped' | 'unknown_columns' | 'duplicate_column';

export interface RosterProblem {
  /** Physical line in the file, 1-based, header = 1; for a record spanning lines, its first line. */
  line: number;
  code: RosterProblemCode;
  /** The logical field (e.g. `employeeNumber`, `unit`), never the header text, so clients can translate it. */
  field?: string;
  /** The offending cell (truncated), or for `csv_missing_columns` the missing fields joined by ", ". */
  value?: string;
  /** For `wrong_column_count`. */
  expected?: number;
  actual?: number;
  /** A developer-facing English detail. */
  detail?: string;
}

export interface RosterWarning {
  line?: number;
  code: RosterWarningCode;
  field?: string;
  value?: string;
  detail?: string;
}

export interface ImportReport {
  encoding: CsvEncoding;
  /** Data records in the file (blank lines and all-empty rows are not counted). */
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  problems: RosterProblem[];
  warnings: RosterWarning[];
}

export interface MissingMember {
  employeeNumber: string;
  name: string;
  unitId: string;
}

export interface RosterReport extends ImportReport {
  /** Current members in scope that the file does not list: shown to the officer, never deleted. */
  missing: MissingMember[];
}

export type UnitsReport = ImportReport;

export interface ImportContext {
  /** Recorded as `member_events.actor_id`. */
  actorId: string;
  /** Subtrees the actor may import into; undefined = the whole union (admins, the CLI). */
  scopeRootUnitIds?: readonly string[];
  /**
   * The importing member: a row that would change a member holding a role this
   * actor could not grant is refused. Undefined for the CLI (the machine's operator).
   */
  actor?: Actor;
}

/** Error codes this feature throws (all listed in shared/src/errors.ts). */
export type RosterErrorCode = Extract<ErrorCode, 'csv_too_large' | 'csv_not_text' | 'csv_unsupported_encoding' | 'csv_has_problems' | 'union_not_set_up'>;

export class RosterError extends AppError {
  constructor(
    readonly rosterCode: RosterErrorCode,
    statusCode: 400 | 409 | 413,
    message: string,
    /** The full dry-run report when the import was refused because of problems in it. */
    readonly report?: RosterReport | UnitsReport,
  ) {
    super(rosterCode, statusCode, message, undefined, report ? { report } : undefined);
  }
}

/** Keeps reports small when a cell holds a whole pasted document. */
export function clip(value: string, max = 100): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
