/**
 * `pnpm bench`: Kumiai's sync server beside RxDB's own WebSocket server (the
 * peer) and a minimal SQLite-to-socket loop (the limit), on the same generated
 * data and machine. See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Child, figure, killChildren, now, sleep, srcFile, tempDir, waitUntil, withTimeout, type Figure, type Message } from './common.ts';
import { RawClient, replicate, rxClient } from './clients.ts';
import { note, OFFICER_GRANT_ID, OFFICER_ID, REVOKE_BRANCH, type Layout } from './data.ts';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    docs: { type: 'string' },
    rounds: { type: 'string' },
    writes: { type: 'string' },
    fanout: { type: 'string' },
    'fanout-writes': { type: 'string' },
    idle: { type: 'string' },
    revoke: { type: 'string' },
    only: { type: 'string' },
    servers: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(`pnpm bench [--quick] [--json FILE] [--docs 60000] [--rounds 5] [--writes 1000]
           [--fanout 1000,5000] [--fanout-writes 20] [--idle 10000] [--revoke 10000]
           [--only sync,writes,fanout,idle,revoke] [--servers ours,peer,limit]\n`);
  process.exit(0);
}

const quick = flags.quick;
const num = (value: string | undefined, full: number, small: number) => (value === undefined ? (quick ? small : full) : Number(value));
const sizes = {
  docs: num(flags.docs, 60_000, 3_000),
  rounds: num(flags.rounds, 5, 2),
  writes: num(flags.writes, 1_000, 200),
  fanout: (flags.fanout ?? (quick ? '100,300' : '1000,5000')).split(',').map(Number),
  fanoutWrites: num(flags['fanout-writes'], 20, 3),
  idle: num(flags.idle, 10_000, 500),
  revoke: num(flags.revoke, 10_000, 500),
};
const only = new Set((flags.only ?? 'sync,writes,fanout,idle,revoke').split(','));
type ServerName = 'ours' | 'peer' | 'limit';
const serverNames = (flags.servers ?? 'ours,peer,limit').split(',') as ServerName[];
const layout: Layout = { docs: sizes.docs, revoke: Math.min(sizes.revoke, sizes.docs - 10) };

// ---------------------------------------------------------------------------
// Open files: 10,000 sockets per process need a higher limit than many shells give.
const wantFiles = sizes.idle + 4096;
const softLimit = Number(spawnSync('bash', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim()) || 1024;
if (softLimit < wantFiles && !process.env.KUMIAI_BENCH_REEXEC) {
  const script = `ulimit -n ${Math.max(wantFiles, 65536)} 2>/dev/null || ulimit -n ${wantFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const result = spawnSync('bash', ['-c', script, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, KUMIAI_BENCH_REEXEC: '1' },
  });
  process.exit(result.status ?? 1);
}
if (softLimit < wantFiles) {
  const fit = Math.max(100, softLimit - 4096);
  process.stderr.write(`The open-file limit is ${softLimit}; ${sizes.idle} idle sockets need ~${wantFiles}. Running ${fit}. Raise it with: ulimit -n ${wantFiles} (as root, or in /etc/security/limits.conf)\n`);
  sizes.idle = fit;
  sizes.fanout = sizes.fanout.map((n) => Math.min(n, fit));
}

// ---------------------------------------------------------------------------
// Everything stops by itself: a watchdog for the whole run, children killed on any exit.
const runBudgetMs = quick ? 150_000 : 60 * 60_000;
const watchdog = setTimeout(() => {
  process.stderr.write(`\nbench: the whole run exceeded ${runBudgetMs / 1000} s; stopping.\n`);
  killChildren();
  process.exit(2);
}, runBudgetMs);
watchdog.unref();
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const errors: string[] = [];

// ---------------------------------------------------------------------------
// Results.

interface Metric {
  key: string;
  label: string;
  unit: 'ms' | 'MB';
  /** The target at the issue's sizes, if any: value must be below it. */
  target?: { value: number; stat: 'median' | 'p99'; note: string };
  results: Partial<Record<ServerName, Figure | null>>;
}
const metrics: Metric[] = [];
const extra: Record<string, unknown> = {};
const fullSize = sizes.docs === 60_000 && sizes.writes === 1_000 && sizes.idle === 10_000 && sizes.revoke === 10_000 && sizes.fanout.includes(5_000);

function metric(key: string, label: string, unit: Metric['unit'], target?: Metric['target']): Metric {
  let m = metrics.find((x) => x.key === key);
  if (!m) metrics.push((m = { key, label, unit, ...(target ? { target } : {}), results: {} }));
  return m;
}

async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors.push(`${what}: ${message}`);
    log(`FAILED ${what}: ${message}`);
    return null;
  }
}

// ---------------------------------------------------------------------------
// Servers.

interface Server {
  name: ServerName;
  child: Child;
  url: string;
  http: string;
  tokens: { admin: string; officer: string; writer: string };
  dir: string;
}

async function startServer(name: ServerName): Promise<Server> {
  const dir = tempDir(`kumiai-bench-${name}-`);
  const child = Child.start(srcFile(`server-${name}.ts`), name, { BENCH_DATA_DIR: dir, BENCH_DOCS: String(layout.docs), BENCH_REVOKE: String(layout.revoke) });
  const started = new Promise<void>((resolve) => child.on((m) => m.type === 'started' && resolve()));
  await withTimeout(Promise.race([started, child.exited.then((code) => Promise.reject(new Error(`${name} exited (${code}) while starting`)))]), 180_000, `${name} start`);
  const ready = await child.request({ type: 'ready' }, 10_000);
  const port = Number(ready.port);
  const tokens = (ready.tokens as Server['tokens'] | undefined) ?? { admin: 'bench', officer: 'bench', writer: 'bench' };
  log(`${name}: ${layout.docs} documents seeded in ${Math.round(Number(ready.seedMs))} ms, listening on 127.0.0.1:${port} after ${Math.round(Number(ready.readyMs))} ms`);
  return { name, child, url: `ws://127.0.0.1:${port}${name === 'ours' ? '/api/sync' : ''}`, http: `http://127.0.0.1:${port}`, tokens, dir };
}

async function stopServer(server: Server): Promise<void> {
  await server.child.stop();
  fs.rmSync(server.dir, { recursive: true, force: true });
}

async function startSwarm(): Promise<Child> {
  const child = Child.start(srcFile('swarm.ts'), 'swarm');
  await withTimeout(new Promise<void>((resolve) => child.on((m: Message) => m.type === 'started' && resolve())), 30_000, 'swarm start');
  return child;
}

async function api(server: Server, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.http}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.tokens.admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** Commits a change of one member's phone on the server: ours through its HTTP API as the admin, the others through their storage. */
async function commitChange(server: Server, memberId: string, marker: string): Promise<void> {
  if (server.name === 'ours') await api(server, 'PATCH', `/api/members/${memberId}`, { phone: marker });
  else await server.child.request({ type: 'write', id: memberId, marker }, 10_000);
}

// ---------------------------------------------------------------------------
// Scenarios.

const TIMEOUT = { sync: quick ? 30_000 : 120_000, step: quick ? 20_000 : 60_000 };

/** 1. Initial sync: all pages pulled by a raw client; and a fresh RxDB client until in sync. */
async function scenarioSync(server: Server): Promise<void> {
  const serve: number[] = [];
  const client: number[] = [];
  for (let round = 0; round < sizes.rounds; round++) {
    await attempt(`${server.name} sync serve round ${round}`, async () => {
      const raw = await RawClient.open(server.url, server.tokens.admin);
      try {
        const t0 = now();
        let checkpoint: unknown = null;
        let count = 0;
        await withTimeout(
          (async () => {
            for (;;) {
              const text = await raw.request('members', 'masterChangesSince', [checkpoint, 1000]);
              const reply = JSON.parse(text) as { result?: { documents: unknown[]; checkpoint: unknown }; error?: unknown };
              if (!reply.result) throw new Error(`pull failed: ${text.slice(0, 200)}`);
              count += reply.result.documents.length;
              checkpoint = reply.result.checkpoint;
              if (reply.result.documents.length < 1000) return;
            }
          })(),
          TIMEOUT.sync,
          'pull all pages',
        );
        serve.push(now() - t0);
        if (count !== layout.docs) throw new Error(`served ${count} documents, expected ${layout.docs}`);
      } finally {
        raw.close();
      }
    });
    await attempt(`${server.name} sync client round ${round}`, async () => {
      const { db, collection } = await rxClient('members');
      let replication: Awaited<ReturnType<typeof replicate>> | null = null;
      try {
        const t0 = now();
        await withTimeout(
          (async () => {
            replication = await replicate(collection, server.url, server.tokens.admin, 1000);
            await replication.awaitInitialReplication();
          })(),
          TIMEOUT.sync,
          'RxDB client initial replication',
        );
        client.push(now() - t0);
        const count = await collection.count().exec();
        if (count !== layout.docs) throw new Error(`client holds ${count} documents, expected ${layout.docs}`);
      } finally {
        await (replication as Awaited<ReturnType<typeof replicate>> | null)?.cancel();
        await db.close();
      }
    });
  }
  metric('sync.serve', `1. initial sync ${layout.docs.toLocaleString('en')}: served (raw client)`, 'ms', { value: 1500, stat: 'median', note: '< 1.5 s' }).results[server.name] = serve.length ? figure(serve) : null;
  metric('sync.client', `1. initial sync ${layout.docs.toLocaleString('en')}: RxDB client in sync`, 'ms', { value: 5000, stat: 'median', note: '< 5 s' }).results[server.name] = client.length ? figure(client) : null;
}

/** 2. Writes queued offline: made in the RxDB client before its replication starts; and the same rows pushed raw. */
async function scenarioWrites(server: Server): Promise<void> {
  const client: number[] = [];
  const raw: number[] = [];
  const check = async (prefix: string) => {
    const reply = await server.child.request({ type: 'notes', prefix }, 10_000);
    if (Number(reply.count) !== sizes.writes) throw new Error(`server holds ${String(reply.count)} of ${sizes.writes} notes ${prefix}`);
  };
  for (let round = 0; round < sizes.rounds; round++) {
    await attempt(`${server.name} writes client round ${round}`, async () => {
      const { db, collection } = await rxClient('notes');
      let replication: Awaited<ReturnType<typeof replicate>> | null = null;
      try {
        await collection.bulkInsert(Array.from({ length: sizes.writes }, (_, i) => note(round, i)));
        const t0 = now();
        await withTimeout(
          (async () => {
            replication = await replicate(collection, server.url, server.tokens.writer, 1000);
            await replication.awaitInitialReplication();
          })(),
          TIMEOUT.step,
          'queued writes acknowledged',
        );
        client.push(now() - t0);
        await check(`n-${round}-`);
      } finally {
        await (replication as Awaited<ReturnType<typeof replicate>> | null)?.cancel();
        await db.close();
      }
    });
    await attempt(`${server.name} writes raw round ${round}`, async () => {
      const socket = await RawClient.open(server.url, server.tokens.writer);
      try {
        const rows = Array.from({ length: sizes.writes }, (_, i) => ({ newDocumentState: { ...note(1000 + round, i), _deleted: false } }));
        const t0 = now();
        for (let i = 0; i < rows.length; i += 1000) {
          const text = await withTimeout(socket.request('notes', 'masterWrite', [rows.slice(i, i + 1000)]), TIMEOUT.step, 'raw push');
          if (!text.includes('"result":[]') || text.includes('"rejected"')) throw new Error(`push not clean: ${text.slice(0, 300)}`);
        }
        raw.push(now() - t0);
        await check(`n-${1000 + round}-`);
      } finally {
        socket.close();
      }
    });
  }
  metric('writes.client', `2. ${sizes.writes.toLocaleString('en')} queued writes: RxDB client, all acknowledged`, 'ms', { value: 1000, stat: 'median', note: '< 1 s' }).results[server.name] = client.length ? figure(client) : null;
  metric('writes.raw', `2. ${sizes.writes.toLocaleString('en')} writes pushed raw (batches of 1,000)`, 'ms').results[server.name] = raw.length ? figure(raw) : null;
}

/** 3. Fan-out of one committed change to N raw clients in another process: commit-to-receipt. */
async function scenarioFanout(server: Server): Promise<void> {
  for (const n of sizes.fanout) {
    const latencies: number[] = [];
    let missing = 0;
    const swarm = await startSwarm();
    try {
      await attempt(`${server.name} fan-out ${n}`, async () => {
        const opened = await swarm.request({ type: 'open', url: server.url, n, token: server.tokens.admin }, quick ? 30_000 : 180_000);
        log(`${server.name}: ${n} clients connected in ${Math.round(Number(opened.ms))} ms`);
        await sleep(300);
        for (let k = 0; k < sizes.fanoutWrites; k++) {
          const marker = `+81 ${n}-${k}-${Math.random().toString(36).slice(2, 10)}`;
          await swarm.request({ type: 'arm', marker }, 5_000);
          const t0 = now();
          await commitChange(server, 'm-0000005', marker);
          const reply = await swarm.request({ type: 'collect', timeoutMs: 10_000 }, 20_000);
          const times = reply.times as number[];
          missing += Number(reply.expected) - times.length;
          for (const t of times) latencies.push(t - t0);
          await sleep(100);
        }
        if (missing > 0) throw new Error(`${missing} receipts missing`);
      });
    } finally {
      await swarm.stop();
    }
    const target = n === 5000 ? { value: 150, stat: 'p99' as const, note: 'p99 < 150 ms' } : undefined;
    metric(`fanout.${n}`, `3. fan-out to ${n.toLocaleString('en')} clients: commit to receipt`, 'ms', target).results[server.name] = latencies.length ? figure(latencies) : null;
    (extra[`fanout.${n}.missing`] ??= {} as Record<string, number>);
    (extra[`fanout.${n}.missing`] as Record<string, number>)[server.name] = missing;
  }
}

/** 4. Idle authenticated, subscribed sockets: the server's RSS and event-loop delay. */
async function scenarioIdle(server: Server): Promise<void> {
  const swarm = await startSwarm();
  try {
    await attempt(`${server.name} idle ${sizes.idle}`, async () => {
      await server.child.request({ type: 'gc' }, 10_000);
      const before = await server.child.request({ type: 'stats', windowMs: 1000 }, 10_000);
      const opened = await swarm.request({ type: 'open', url: server.url, n: sizes.idle, token: server.tokens.admin }, quick ? 30_000 : 300_000);
      log(`${server.name}: ${sizes.idle} idle sockets open in ${Math.round(Number(opened.ms))} ms`);
      await sleep(1000);
      await server.child.request({ type: 'gc' }, 10_000);
      const samples: Message[] = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) samples.push(await server.child.request({ type: 'stats', windowMs: quick ? 1000 : 3000 }, 20_000));
      const connections = await server.child.request({ type: 'connections' }, 5_000);
      if (Number(connections.count) < sizes.idle) throw new Error(`server holds ${String(connections.count)} of ${sizes.idle} sockets`);
      metric('idle.rss', `4. ${sizes.idle.toLocaleString('en')} idle sockets: server RSS`, 'MB', { value: 400, stat: 'median', note: '< 400 MB' }).results[server.name] = figure(samples.map((s) => Number(s.rssMb)));
      metric('idle.eld', `4. ${sizes.idle.toLocaleString('en')} idle sockets: event-loop delay p99`, 'ms').results[server.name] = figure(samples.map((s) => Number(s.eldP99Ms)));
      (extra['idle.rssBeforeMb'] ??= {} as Record<string, number>);
      (extra['idle.rssBeforeMb'] as Record<string, number>)[server.name] = Number(before.rssMb);
    });
  } finally {
    await swarm.stop();
  }
}

/** 5. Revocation (ours only): the officer of b-rev loses the role; their RxDB client must end holding none of b-rev's members. */
async function scenarioRevoke(server: Server): Promise<void> {
  const revoke: number[] = [];
  const regrant: number[] = [];
  await attempt(`${server.name} revocation`, async () => {
    const { db, collection } = await rxClient('members');
    let replication: Awaited<ReturnType<typeof replicate>> | null = null;
    try {
      replication = await replicate(collection, server.url, server.tokens.officer, 1000);
      await withTimeout(replication.awaitInitialReplication(), TIMEOUT.sync, 'officer initial sync');
      const full = layout.revoke + 1; // b-rev's members and the officer's own record
      const count = () => collection.count().exec();
      await waitUntil(async () => (await count()) === full, TIMEOUT.step, `officer holds ${full}`);
      let grantId = OFFICER_GRANT_ID;
      for (let round = 0; round < sizes.rounds; round++) {
        let t0 = now();
        await api(server, 'DELETE', `/api/roles/${grantId}`);
        await waitUntil(async () => (await count()) === 1, TIMEOUT.step, 'officer holds none of b-rev', 2);
        revoke.push(now() - t0);
        const own = await collection.findOne(OFFICER_ID).exec();
        if (!own) throw new Error('the officer lost their own record');
        t0 = now();
        grantId = ((await api(server, 'POST', '/api/roles', { memberId: OFFICER_ID, unitId: REVOKE_BRANCH, role: 'officer' })) as { id: string }).id;
        await waitUntil(async () => (await count()) === full, TIMEOUT.step, 'officer holds b-rev again', 2);
        regrant.push(now() - t0);
      }
    } finally {
      await replication?.cancel();
      await db.close();
    }
  });
  metric('revoke', `5. revocation of ${layout.revoke.toLocaleString('en')} documents: client holds none`, 'ms').results[server.name] = revoke.length ? figure(revoke) : null;
  metric('regrant', `5b. re-grant of ${layout.revoke.toLocaleString('en')} documents: client holds all`, 'ms').results[server.name] = regrant.length ? figure(regrant) : null;
}

// ---------------------------------------------------------------------------
// The run.

const started = Date.now();
log(`sizes: ${JSON.stringify(sizes)}${quick ? ' (quick)' : ''}; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const name of serverNames) {
  if (only.has('sync') || only.has('writes') || only.has('fanout') || (only.has('revoke') && name === 'ours')) {
    const server = await attempt(`${name} start`, () => startServer(name));
    if (server) {
      try {
        if (only.has('sync')) await scenarioSync(server);
        if (only.has('writes')) await scenarioWrites(server);
        if (only.has('fanout')) await scenarioFanout(server);
        if (only.has('revoke') && name === 'ours') await scenarioRevoke(server);
      } finally {
        await stopServer(server);
      }
    }
  }
  if (only.has('idle')) {
    // A fresh server: its memory is not the residue of the scenarios above.
    const server = await attempt(`${name} start (idle)`, () => startServer(name));
    if (server) {
      try {
        await scenarioIdle(server);
      } finally {
        await stopServer(server);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The table.

const fmt = (f: Figure | null | undefined, unit: string) => (f ? `${f.median.toFixed(unit === 'MB' ? 0 : f.median < 10 ? 2 : 0)} / ${f.p99.toFixed(unit === 'MB' ? 0 : f.p99 < 10 ? 2 : 0)}` : f === null ? 'failed' : 'n/a');
const ratio = (a: Figure | null | undefined, b: Figure | null | undefined) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '–');
const rows: string[][] = [['scenario (median / p99)', 'unit', 'ours', 'peer', 'limit', 'ours/peer', 'ours/limit', 'target', 'met']];
const verdicts: Record<string, boolean | null> = {};
for (const m of metrics) {
  const ours = m.results.ours;
  let met = '';
  if (m.target) {
    const value = ours ? ours[m.target.stat] : null;
    const pass = value === null ? null : value < m.target.value;
    verdicts[m.key] = fullSize ? pass : null;
    met = !fullSize ? '(full size only)' : pass === null ? 'no figure' : pass ? 'yes' : 'MISSED';
  }
  const peer = m.results.peer;
  if (ours && peer) {
    const noSlower = ours.median <= peer.median;
    verdicts[`${m.key}.vsPeer`] = noSlower;
    if (!noSlower) met += `${met ? '; ' : ''}behind peer`;
  }
  rows.push([m.label, m.unit, fmt(ours, m.unit), fmt(m.results.peer, m.unit), fmt(m.results.limit, m.unit), ratio(ours, m.results.peer), ratio(ours, m.results.limit), m.target?.note ?? '', met]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((cell, c) => (c >= 2 && c <= 6 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
const table = [line(rows[0]!), `|${widths.map((w, c) => (c >= 2 && c <= 6 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
process.stdout.write(`\nKumiai sync benchmark${quick ? ' (--quick: reduced sizes, targets apply at full size only)' : ''}\n${machine}\n\n${table}\n\n`);
process.stdout.write('ours = Kumiai server (permission checks on); peer = RxDB startWebsocketServer (memory storage); limit = better-sqlite3 → raw ws loop.\n');
process.stdout.write('Ratios are of medians (below 1 = ours faster or smaller). Fan-out: commit is timed from the request that makes it (ours: HTTP PATCH as admin).\n');
if (errors.length) process.stdout.write(`\nFailures:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
process.stdout.write(`\nTotal ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

if (flags.json) {
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: os.totalmem() / 2 ** 30, node: process.version, os: `${os.type()} ${os.release()}` },
    quick,
    sizes,
    fullSize,
    metrics: metrics.map((m) => ({ key: m.key, label: m.label, unit: m.unit, target: m.target ?? null, results: m.results })),
    verdicts,
    extra,
    errors,
    totalSeconds: (Date.now() - started) / 1000,
  };
  fs.writeFileSync(flags.json, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`JSON written to ${flags.json}\n`);
}
killChildren();
// A missed target is a finding, not a failure; a scenario that could not run is.
process.exit(errors.length ? 1 : 0);
