/**
 * `pnpm attack`: the anonymous-socket and slow-connection attacks of issue 11
 * #4 against a real server process (server/src/main.ts, default limits), on
 * loopback only, bounded in count and time. Prints the server's RSS and open
 * descriptors once a second, and /healthz latency measured every 100 ms from
 * another loopback address (127.0.0.2) throughout; exits 1 if /healthz ever
 * took 200 ms or more or failed.
 *
 *   pnpm attack [--sockets 64] [--slow 3000] [--seconds 20]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { quantile, sleep, tempDir } from './common.ts';

const { values: flags } = parseArgs({ options: { sockets: { type: 'string' }, slow: { type: 'string' }, seconds: { type: 'string' }, role: { type: 'string' }, port: { type: 'string' } } });
const SOCKETS = Math.min(Number(flags.sockets ?? 64), 2000);
const SLOW = Math.min(Number(flags.slow ?? 3000), 10_000);
const SECONDS = Math.min(Number(flags.seconds ?? 20), 120);
const LIMIT_MS = 200;
const ATTACKER = '127.0.0.1';
const PROBE = '127.0.0.2';
const REPO = path.join(import.meta.dirname, '../..');

// ~1 MB of `{}` as one request: 330,000 objects once parsed (what took the server to 1.6 GiB before).
const BIG = Buffer.from(`{"id":"big","collection":"members","method":"masterChangesSince","params":[${Array(330_000).fill('{}').join(',')}]}`);
// Eight 8 KiB requests fill what a socket may have held before auth (64 KiB).
const SMALL = Array.from({ length: 8 }, (_, i) => `{"id":"h${i}","collection":"members","method":"masterChangesSince","params":[${Array(2600).fill('{}').join(',')}]}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

if (flags.role) {
  // A child process: runs one attack (so its own work never delays the probe's measurements) and reports its counts.
  const port = Number(flags.port);
  const until = Date.now() + SECONDS * 1000;
  const stats = flags.role === 'sockets' ? await anonymousSockets(port, until) : await slowConnections(port, until);
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  process.exit(0);
}

const dataDir = tempDir('kumiai-attack-');
const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: REPO,
  env: { PATH: process.env.PATH, HOME: process.env.HOME, KUMIAI_HOST: '127.0.0.1', KUMIAI_PORT: String(port), KUMIAI_DATA_DIR: dataDir, KUMIAI_LOG_LEVEL: 'error', KUMIAI_CLIENT_DIR: path.join(dataDir, 'no-client') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const cleanup = () => {
  server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', cleanup);
const watchdog = setTimeout(() => {
  process.stderr.write('watchdog: the attack ran too long\n');
  process.exit(2);
}, (SECONDS * 2 + 60) * 1000);
watchdog.unref();

function healthz(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', localAddress: PROBE, agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(Infinity));
  });
}

for (let i = 0; (await healthz()) === Infinity; i++) {
  if (i > 300) throw new Error('the server did not start');
  await sleep(100);
}

const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const fds = () => fs.readdirSync(`/proc/${server.pid}/fd`).length;

let phase = 'idle';
const latencies: Record<string, number[]> = {};
const rss: Record<string, number[]> = {};

// The probe: /healthz every 100 ms from another address, all along.
let probing = true;
const probe = (async () => {
  while (probing) {
    const ms = await healthz();
    (latencies[phase] ??= []).push(ms);
    await sleep(100);
  }
})();

const report = setInterval(() => {
  const r = rssMiB();
  (rss[phase] ??= []).push(r);
  const recent = (latencies[phase] ?? []).slice(-10);
  process.stdout.write(
    `${phase.padEnd(10)} rss ${r.toFixed(0).padStart(5)} MiB  fds ${String(fds()).padStart(5)}  /healthz max of last ${recent.length} ${Math.max(0, ...recent).toFixed(1).padStart(7)} ms\n`,
  );
}, 1000);

/** Anonymous sockets, reopened as soon as the server closes them: half park 64 KiB of held requests, half send 1 MB frames of `{}`. */
async function anonymousSockets(port: number, until: number): Promise<Record<string, number>> {
  const stats = { socketsOpened: 0, socketsRefused: 0, bigFramesSent: 0 };
  const one = (i: number): Promise<void> =>
    new Promise((resolve) => {
      // A zero mask is valid and spares this process masking gigabytes: on one machine its CPU would be the server's.
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/sync`, { localAddress: ATTACKER, generateMask: (mask: Buffer) => mask.fill(0) });
      ws.on('error', () => undefined);
      ws.once('unexpected-response', () => {
        stats.socketsRefused++;
        ws.terminate();
      });
      ws.once('open', () => {
        stats.socketsOpened++;
        for (const text of SMALL) ws.send(text);
        // Half the sockets also send up to 64 frames of 1 MB, one after another while the socket stays open.
        let frames = 0;
        const next = () => {
          if (i % 2 !== 0 || frames++ >= 64 || ws.readyState !== ws.OPEN) return;
          stats.bigFramesSent++;
          ws.send(BIG, next);
        };
        next();
      });
      ws.once('close', () => resolve());
    });
  await Promise.all(
    Array.from({ length: SOCKETS }, async (_, i) => {
      while (Date.now() < until) {
        await one(i);
        // Closed by the server (or refused over the per-address cap): open again a second later.
        await sleep(1000);
      }
    }),
  );
  return stats;
}

/** Slow connections: a request whose headers never end, one more header line every 2 s, reopened when cut. */
async function slowConnections(port: number, until: number): Promise<Record<string, number>> {
  const stats = { slowOpened: 0, slowCut: 0 };
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port, localAddress: ATTACKER });
      let timer: NodeJS.Timeout | undefined;
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        stats.slowOpened++;
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
        timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 2000);
      });
      socket.once('close', () => {
        clearInterval(timer);
        if (Date.now() < until) stats.slowCut++;
        resolve();
      });
      setTimeout(() => socket.destroy(), Math.max(0, until - Date.now())).unref();
    });
  await Promise.all(
    Array.from({ length: SLOW }, async (_, i) => {
      await sleep(i % 1000); // ramp up over a second
      while (Date.now() < until) {
        await one();
        await sleep(1000);
      }
    }),
  );
  return stats;
}

/** Runs one attack in a child process and returns its counts. */
function attack(role: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--role', role, '--port', String(port), '--seconds', String(SECONDS), '--sockets', String(SOCKETS), '--slow', String(SLOW)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('exit', () => resolve(out.trim())));
}

const counts: string[] = [];
const phases: [string, () => Promise<unknown>][] = [
  ['baseline', () => sleep(3000)],
  ['sockets', async () => counts.push(`anonymous sockets: ${await attack('sockets')}`)],
  ['settle', () => sleep(3000)],
  ['slow', async () => counts.push(`slow connections: ${await attack('slow')}`)],
  ['after', () => sleep(3000)],
];
for (const [name, run] of phases) {
  phase = name;
  process.stdout.write(`--- ${name}\n`);
  await run();
}
probing = false;
await probe;
clearInterval(report);

process.stdout.write(`\nphase       RSS max MiB  /healthz p50 ms  p99 ms  max ms  failed\n`);
let worst = 0;
for (const [name] of phases) {
  const l = latencies[name] ?? [];
  const finite = l.filter(Number.isFinite);
  const max = Math.max(0, ...l);
  worst = Math.max(worst, max);
  process.stdout.write(
    `${name.padEnd(11)} ${Math.max(0, ...(rss[name] ?? [])).toFixed(0).padStart(11)}  ${quantile(finite, 0.5).toFixed(1).padStart(15)}  ${quantile(finite, 0.99).toFixed(1).padStart(6)}  ${max.toFixed(1).padStart(6)}  ${String(l.length - finite.length).padStart(6)}\n`,
  );
}
process.stdout.write(
  `\n${counts.join('\n')}\n` +
    `/healthz worst ${worst.toFixed(1)} ms: ${worst < LIMIT_MS ? 'PASS' : 'FAIL'} (limit ${LIMIT_MS} ms)\n`,
);
process.exit(worst < LIMIT_MS ? 0 : 1);
