import fs from 'node:fs';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { normalizeEmployeeNumber } from '@kumiai/shared';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import type { RosterReport, UnitsReport } from '../features/roster/index.ts';
import { importAudit } from '../features/roster/roster-routes.ts';
import { systemClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { createServices, type Services } from '../services.ts';
import { DemoRefused, runDemo } from './demo/demo.ts';
import { electionCommands } from './election.ts';
import { opsCommands, runOpsCommand } from './ops.ts';

/**
 * `pnpm kumiai <command>`: the admin CLI for the IT lead and for scripts. It
 * opens the same SQLite file as the server (WAL and a busy timeout make that
 * safe while the server runs) and calls the same services the routes call.
 */

interface Command {
  usage: string;
  summary: string;
  options: ParseArgsConfig['options'];
  positionals?: number;
  run: (services: Services, values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number> | number;
}

const CLI_ACTOR = `cli:${os.userInfo().username}`;

function printReport(report: RosterReport | UnitsReport): void {
  const { problems, warnings } = report;
  const summary = Object.entries(report)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  console.log(summary);
  for (const p of problems) console.log(`  line ${p.line ?? '-'}: ${p.code}${p.field ? ` (${p.field})` : ''}${p.value !== undefined ? `: ${String(p.value)}` : ''}`);
  for (const w of warnings) console.log(`  warning${w.line ? ` line ${w.line}` : ''}: ${w.code}${w.value !== undefined ? `: ${String(w.value)}` : ''}`);
  if ('missing' in report && report.missing.length > 0) {
    console.log(`  ${report.missing.length} members in the union are not in the file (listed, never deleted):`);
    for (const m of report.missing.slice(0, 50)) console.log(`    ${m.employeeNumber} ${m.name}`);
  }
}

function memberIdByEmployeeNumber(services: Services, raw: string): string {
  const id = services.db.prepare('SELECT id FROM members WHERE employee_number = ?').pluck().get(normalizeEmployeeNumber(raw)) as string | undefined;
  if (!id) throw new AppError('not_found', 404, `No member with employee number ${raw}`);
  return id;
}

function importCommand(kind: 'members' | 'units'): Command {
  return {
    usage: `${kind} import FILE [--dry-run]`,
    summary: `import ${kind} from a CSV as Excel writes it (UTF-8 or Shift_JIS); --dry-run reports and changes nothing`,
    options: { 'dry-run': { type: 'boolean' } },
    positionals: 1,
    run: (services, values, [file]) => {
      const buf = fs.readFileSync(file!);
      const ctx = { actorId: CLI_ACTOR };
      if (values['dry-run']) {
        const report = kind === 'members' ? services.roster.dryRun(buf, ctx) : services.roster.unitsDryRun(buf, ctx);
        printReport(report);
        return report.problems.length === 0 ? 0 : 1;
      }
      const spec = importAudit(kind === 'members' ? 'members.imported' : 'units.imported', { via: CLI_ACTOR });
      const result = kind === 'members' ? services.roster.apply(buf, ctx, (write) => services.mutate(null, spec, write)) : services.roster.unitsApply(buf, ctx, (write) => services.mutate(null, spec, write));
      printReport(result);
      console.log(`applied: ${result.created} created, ${result.updated} updated`);
      return 0;
    },
  };
}

const commands: Record<string, Command> = {
  setup: {
    usage: 'setup --union NAME --admin EMPLOYEE_NO --password-file FILE [--name NAME]',
    summary: 'first-run setup without the browser: names the union and creates the first admin',
    options: { union: { type: 'string' }, admin: { type: 'string' }, 'password-file': { type: 'string' }, name: { type: 'string' } },
    run: async (services, values) => {
      const { union, admin } = values;
      const passwordFile = values['password-file'];
      if (typeof union !== 'string' || typeof admin !== 'string' || typeof passwordFile !== 'string') throw new UsageError('--union, --admin and --password-file are required');
      const password = fs.readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
      await services.setup.completeWithoutToken({ unionName: union, employeeNumber: admin, name: typeof values.name === 'string' ? values.name : normalizeEmployeeNumber(admin), password });
      console.log(`Set up "${union}" with admin ${normalizeEmployeeNumber(admin)}.`);
      return 0;
    },
  },
  'units import': importCommand('units'),
  'members import': importCommand('members'),
  'token create': {
    usage: 'token create --employee-number N [--ttl DAYS] [--label TEXT]',
    summary: 'print a bearer token for API and sync clients acting as that member (shown once)',
    options: { 'employee-number': { type: 'string' }, ttl: { type: 'string', default: '90' }, label: { type: 'string', default: '' } },
    run: (services, values) => {
      const raw = values['employee-number'];
      if (typeof raw !== 'string') throw new UsageError('--employee-number is required');
      const ttl = Number(values.ttl);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3650) throw new UsageError('--ttl is a number of days from 1 to 3650');
      const memberId = memberIdByEmployeeNumber(services, raw);
      const detail = (token: { id: string }) => ({ via: CLI_ACTOR, tokenId: token.id, ttlDays: ttl });
      const created = services.mutate(null, { checks: [], audit: { action: 'token.created', target: memberId, detail } }, () => services.tokens.create(memberId, ttl, String(values.label ?? '')));
      console.error(`token ${created.id} for ${normalizeEmployeeNumber(raw)}, expires ${new Date(created.expiresAt).toISOString()}`);
      console.log(created.token);
      return 0;
    },
  },
  'token list': {
    usage: 'token list',
    summary: 'list bearer tokens (never the tokens themselves)',
    options: {},
    run: (services) => {
      for (const t of services.tokens.list()) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt <= Date.now() ? 'expired' : 'active';
        console.log(`${t.id}  ${t.employeeNumber}  ${state}  expires ${new Date(t.expiresAt).toISOString()}  ${t.label}`);
      }
      return 0;
    },
  },
  'token revoke': {
    usage: 'token revoke ID',
    summary: 'revoke a bearer token',
    options: {},
    positionals: 1,
    run: (services, _values, [id]) => {
      // Nothing to revoke: the wrapper's transaction rolls back, so no audit row either.
      const none = new Error('no active token');
      let done = true;
      try {
        services.mutate(null, { checks: [], audit: { action: 'token.revoked', target: id!, detail: { via: CLI_ACTOR } } }, () => {
          if (!services.tokens.revoke(id!)) throw none;
        });
      } catch (error) {
        if (error !== none) throw error;
        done = false;
      }
      console.log(done ? `revoked ${id}` : `no active token ${id}`);
      return done ? 0 : 1;
    },
  },
  demo: {
    usage: 'demo',
    summary: 'fill a fresh database with a demo union (refused on one with real data) and print sign-in details',
    options: {},
    run: async (services) => {
      const started = performance.now();
      let result;
      try {
        result = await runDemo(services);
      } catch (error) {
        if (!(error instanceof DemoRefused)) throw error;
        console.error(error.message);
        return 1;
      }
      const { counts } = result;
      const states = Object.entries(counts.applications).map(([state, n]) => `${n} ${state}`).join(', ');
      console.log(`Demo union "${result.unionName}" is ready (${((performance.now() - started) / 1000).toFixed(1)} s):`);
      console.log(`  ${counts.members} members (${counts.activated} signed up), ${counts.notices} notices (${counts.reads} reads), a survey with ${counts.surveyAnswers} answers, applications: ${states}`);
      console.log(`Sign in at ${services.config.publicUrl}/ with:`);
      console.log(`  officer  ${result.officer.name}  employee number ${result.officer.employeeNumber}  password ${result.officer.password}`);
      console.log(`  member   ${result.member.name}  employee number ${result.member.employeeNumber}  password ${result.member.password}  (kiosk PIN ${result.member.pin})`);
      if (result.admin) console.log(`  admin    ${result.admin.name}  employee number ${result.admin.employeeNumber}  password ${result.admin.password}`);
      console.log('The passwords are shown only now. This is demo data: do not use this database for a real union.');
      return 0;
    },
  },
  'audit verify': {
    usage: 'audit verify',
    summary: 'check the audit log’s hash chain; names the first broken link',
    options: {},
    run: (services) => {
      const result = services.audit.verify();
      if (result.ok) {
        console.log(`audit log intact: ${result.count} entries`);
        return 0;
      }
      console.log(`audit log BROKEN at entry ${result.seq}: ${result.reason} (${result.count} entries before it are intact)`);
      return 1;
    },
  },
};

class UsageError extends Error {}

function help(): string {
  return [
    'Usage: pnpm kumiai <command> [options]   (honours KUMIAI_DATA_DIR)',
    '',
    ...[...Object.values(commands), ...Object.values(electionCommands), ...Object.values(opsCommands)].map((c) => `  ${c.usage.padEnd(72)} ${c.summary}`),
    '',
    'Each command takes --help.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  // Backup and restore (issue 15) open the database themselves: restore must not hold it open.
  const opsName = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => n in opsCommands);
  if (opsName) {
    const ops = opsCommands[opsName]!;
    const rest = argv.slice(opsName.split(' ').length);
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`Usage: pnpm kumiai ${ops.usage}\n\n${ops.summary}`);
      return 0;
    }
    try {
      const parsed = parseArgs({ args: rest, options: ops.options, allowPositionals: true, strict: true });
      if ((ops.positionals ?? 0) !== parsed.positionals.length) throw new UsageError(`expected ${ops.positionals ?? 0} argument(s)`);
      return await runOpsCommand(ops, parsed.values, parsed.positionals);
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: pnpm kumiai ${ops.usage}`);
      return 2;
    }
  }
  const offlineName = argv.slice(0, 2).join(' ');
  const offline = electionCommands[offlineName];
  if (offline) {
    // Election commands work on files only: no database, no configuration.
    const rest = argv.slice(2);
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`Usage: pnpm kumiai ${offline.usage}\n\n${offline.summary}`);
      return 0;
    }
    try {
      const parsed = parseArgs({ args: rest, options: offline.options, allowPositionals: true, strict: true });
      if ((offline.positionals ?? 0) !== parsed.positionals.length) throw new UsageError(`expected ${offline.positionals ?? 0} argument(s)`);
      return offline.offline(parsed.values, parsed.positionals);
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: pnpm kumiai ${offline.usage}`);
      return 2;
    }
  }
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => n in commands);
  if (!name) {
    const asked = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    (asked ? console.log : console.error)(asked ? help() : `Unknown command: ${argv.join(' ')}\n\n${help()}`);
    return asked ? 0 : 2;
  }
  const command = commands[name]!;
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: pnpm kumiai ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if ((command.positionals ?? 0) !== parsed.positionals.length) throw new UsageError(`expected ${command.positionals ?? 0} argument(s)`);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: pnpm kumiai ${command.usage}`);
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  try {
    const services = createServices(db, systemClock, config);
    return await command.run(services, parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: pnpm kumiai ${command.usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`error (${error.code}): ${error.message}`);
      const report = error.details?.report as RosterReport | undefined;
      if (report) printReport(report);
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78;
    }
    throw error;
  } finally {
    db.close();
  }
}

// Run when executed directly (not when imported by tests).
if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
