import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export const E2E_METRICS_TOKEN = 'e2e-metrics-token';

/** One figure of the server's /metrics (Prometheus text), e.g. `kumiai_sync_sockets_open`. */
export async function serverMetric(server: { url: string }, name: string): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics (status ${res.status})`);
  return Number(line.slice(name.length + 1));
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The one-time setup link the server printed on a fresh database, else null. */
  setupLink: string | null;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  process: ChildProcess;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const SETUP_LINK = /(https?:\/\/\S+\/setup#token=[A-Za-z0-9_-]+)/;

/**
 * Starts the real server (`server/src/main.ts`) as its own process on a free
 * port with a data folder of its own, and waits until /healthz answers (and,
 * on a fresh database, until the setup link is printed).
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; https?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-e2e-'));
  const fresh = !fs.existsSync(path.join(dataDir, 'kumiai.sqlite'));
  const port = env.KUMIAI_PORT ? Number(env.KUMIAI_PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      KUMIAI_HOST: 'localhost',
      KUMIAI_DATA_DIR: dataDir,
      KUMIAI_SCRYPT_LOG_N: '12',
      KUMIAI_LOG_LEVEL: 'warn',
      // push.spec stands in for FCM (unreachable here) with subscriptions on push.invalid.
      KUMIAI_PUSH_HOSTS: 'push.invalid',
      // Tests read the server's own figures (open sync sockets) from /metrics.
      KUMIAI_METRICS_TOKEN: E2E_METRICS_TOKEN,
      ...env,
      KUMIAI_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `${options.https ? 'https' : 'http'}://localhost:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server was not ready in 30 s:\n${out}`);
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.ok,
      (error: unknown) => (options.https && error instanceof TypeError ? probeTls(port) : false),
    );
    if (healthy && (!fresh || SETUP_LINK.test(out))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dataDir,
    setupLink: SETUP_LINK.exec(out)?.[1] ?? null,
    output: () => out,
    process: child,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** An HTTPS server answers a plain-http fetch with an error; a TLS handshake proves it listens. */
function probeTls(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
