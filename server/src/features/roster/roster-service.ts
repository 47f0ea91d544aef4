import type { Clock } from '../../lib/clock.ts';
import { DEFAULT_MAX_CSV_BYTES, decodeCsv } from './csv-decode.ts';
import { parseRoster } from './roster-parse.ts';
import { planRoster, type RosterPlan } from './roster-plan.ts';
import type { RosterRepo } from './roster-repo.ts';
import { sampleRoster, type SampleEncoding } from './roster-sample.ts';
import { RosterError, type CsvEncoding, type ImportContext, type RosterReport, type UnitsReport } from './roster-types.ts';
import { planUnits, type UnitsPlan } from './units-import.ts';

export interface RosterApplyResult extends RosterReport {
  created: number;
  updated: number;
}

export interface UnitsApplyResult extends UnitsReport {
  created: number;
  updated: number;
}

/** Runs an import's planning and writing inside one write transaction (the mutation wrapper's, or the repository's own). */
export type Within<R> = (write: () => R) => R;

export interface RosterServiceOptions {
  maxBytes?: number;
}

/**
 * Roster and units import from CSV as Excel writes it. A dry run reports what
 * would change and every bad row; apply re-checks the same file inside one
 * IMMEDIATE transaction and writes all of it or, if any problem remains,
 * nothing. Members missing from the file are listed, never deleted.
 */
export class RosterService {
  private readonly maxBytes: number;

  constructor(
    private readonly repo: RosterRepo,
    private readonly clock: Clock,
    options: RosterServiceOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_CSV_BYTES;
  }

  dryRun(buf: Buffer, ctx: ImportContext): RosterReport {
    const { text, encoding } = decodeCsv(buf, this.maxBytes);
    const parsed = parseRoster(text);
    return rosterReport(encoding, parsed.totalRows, this.planMembers(parsed, ctx));
  }

  /**
   * `within` runs the planning and writing in the caller's write transaction:
   * routes and the CLI pass the mutation wrapper (lib/mutate.ts), so the audit
   * row commits (or rolls back) together with the import. Decoding and parsing
   * happen before it, outside the lock.
   */
  apply(buf: Buffer, ctx: ImportContext, within: Within<RosterApplyResult> = (write) => this.repo.transaction(write)): RosterApplyResult {
    const { text, encoding } = decodeCsv(buf, this.maxBytes);
    const parsed = parseRoster(text);
    return within(() => {
      const plan = this.planMembers(parsed, ctx);
      const report = rosterReport(encoding, parsed.totalRows, plan);
      if (report.problems.length > 0) {
        throw new RosterError('csv_has_problems', 400, `The file has ${report.problems.length} problem(s); nothing was imported`, report);
      }
      this.repo.writeMembers(plan.creates, plan.updates, ctx.actorId, this.clock.now());
      return { ...report, created: plan.creates.length, updated: plan.updates.length };
    });
  }

  /** A sample roster for this union, in the import's format, naming units in the importer's scope (see roster-sample.ts). */
  sample(ctx: Pick<ImportContext, 'scopeRootUnitIds'>, encoding: SampleEncoding): Buffer {
    return sampleRoster(this.repo.listUnits(), this.repo.listMembers(), ctx.scopeRootUnitIds, encoding);
  }

  unitsDryRun(buf: Buffer, ctx: ImportContext): UnitsReport {
    const { text, encoding } = decodeCsv(buf, this.maxBytes);
    return unitsReport(encoding, this.planUnits(text, ctx));
  }

  unitsApply(buf: Buffer, ctx: ImportContext, within: Within<UnitsApplyResult> = (write) => this.repo.transaction(write)): UnitsApplyResult {
    const { text, encoding } = decodeCsv(buf, this.maxBytes);
    return within(() => {
      const plan = this.planUnits(text, ctx);
      const report = unitsReport(encoding, plan);
      if (report.problems.length > 0) {
        throw new RosterError('csv_has_problems', 400, `The file has ${report.problems.length} problem(s); nothing was imported`, report);
      }
      this.repo.writeUnits(plan.creates, plan.updates, this.clock.now());
      return { ...report, created: plan.creates.length, updated: plan.updates.length };
    });
  }

  private planMembers(parsed: ReturnType<typeof parseRoster>, ctx: ImportContext): RosterPlan {
    const units = this.repo.listUnits();
    if (!units.some((u) => u.parent_id === null)) throw new RosterError('union_not_set_up', 409, 'Set up the union before importing');
    return planRoster(parsed, { units, members: this.repo.listMembers(), grants: this.repo.listGrants() }, ctx.scopeRootUnitIds, ctx.actor);
  }

  private planUnits(text: string, ctx: ImportContext): UnitsPlan {
    const units = this.repo.listUnits();
    const root = units.find((u) => u.parent_id === null);
    if (!root) throw new RosterError('union_not_set_up', 409, 'Set up the union before importing');
    return planUnits(text, units, root.id, ctx.scopeRootUnitIds);
  }
}

function rosterReport(encoding: CsvEncoding, totalRows: number, plan: RosterPlan): RosterReport {
  return {
    encoding,
    totalRows,
    toCreate: plan.creates.length,
    toUpdate: plan.updates.length,
    unchanged: plan.unchanged,
    problems: plan.problems,
    warnings: plan.warnings,
    missing: plan.missing,
  };
}

function unitsReport(encoding: CsvEncoding, plan: UnitsPlan): UnitsReport {
  return {
    encoding,
    totalRows: plan.totalRows,
    toCreate: plan.creates.length,
    toUpdate: plan.updates.length,
    unchanged: plan.unchanged,
    problems: plan.problems,
    warnings: plan.warnings,
  };
}
