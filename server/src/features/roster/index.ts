/** Public API of the roster import engine (used by routes and the `pnpm kumiai … import` CLI). */
/** The generic CSV reading, shared with the dues check-off import. */
export { readCsvTable, mapHeader, headerKey, columnCountProblem, cellOf, type CsvTable, type CsvRecord } from './csv-table.ts';
export { decodeCsv, DEFAULT_MAX_CSV_BYTES, type DecodedCsv } from './csv-decode.ts';
export { parseRoster, parseDate, ROSTER_HEADERS, type ParsedRoster, type RosterRow, type RosterField, type MemberStatus } from './roster-parse.ts';
export { RosterRepo } from './roster-repo.ts';
export { RosterService, type RosterApplyResult, type UnitsApplyResult, type RosterServiceOptions } from './roster-service.ts';
export { UNIT_HEADERS } from './units-import.ts';
export {
  RosterError,
  type CsvEncoding,
  type ImportContext,
  type MissingMember,
  type RosterErrorCode,
  type RosterProblem,
  type RosterProblemCode,
  type RosterReport,
  type RosterWarning,
  type RosterWarningCode,
  type UnitsReport,
} from './roster-types.ts';
