import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Milliseconds on a clock that every process of this machine shares (sub-millisecond resolution). */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects after `ms` unless the promise settled; the timer never keeps the process alive. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p99 of fewer than 100 samples is the largest.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Figure {
  median: number;
  p99: number;
  samples: number;
  /** Every sample (rounds), when there are few enough to be worth keeping. */
  values?: number[];
}

export const figure = (values: readonly number[]): Figure => ({
  median: quantile(values, 0.5),
  p99: quantile(values, 0.99),
  samples: values.length,
  ...(values.length <= 50 ? { values: values.map((v) => Math.round(v * 100) / 100) } : {}),
});

// ---------------------------------------------------------------------------
// Child processes: every server and the socket swarm run in their own process,
// spoken to over IPC. They exit when their parent goes away.

export type Message = { type: string; rid?: number } & Record<string, unknown>;

const children = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL: nothing of theirs needs a clean shutdown). */
export function killChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

export class Child {
  private nextRid = 1;
  private readonly waiters = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  readonly exited: Promise<number | null>;

  private constructor(readonly process: ChildProcess, readonly name: string) {
    children.add(process);
    process.on('message', (raw) => {
      const m = raw as Message;
      if (m.rid !== undefined && this.waiters.has(m.rid)) {
        const waiter = this.waiters.get(m.rid)!;
        this.waiters.delete(m.rid);
        if (m.type === 'error') waiter.reject(new Error(`${name}: ${String(m.message)}`));
        else waiter.resolve(m);
      } else {
        for (const l of this.listeners) l(m);
      }
    });
    this.exited = new Promise((resolve) =>
      process.on('exit', (code) => {
        children.delete(process);
        for (const w of this.waiters.values()) w.reject(new Error(`${name} exited (${code})`));
        this.waiters.clear();
        resolve(code);
      }),
    );
  }

  static start(file: string, name: string, env: Record<string, string> = {}): Child {
    const child = fork(file, [], {
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    return new Child(child, name);
  }

  on(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  /** Sends a request and resolves with the reply carrying the same rid. */
  request(message: Message, timeoutMs: number): Promise<Message> {
    const rid = this.nextRid++;
    const reply = new Promise<Message>((resolve, reject) => {
      this.waiters.set(rid, { resolve, reject });
      this.process.send({ ...message, rid });
    });
    return withTimeout(reply, timeoutMs, `${this.name} ${message.type}`);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    timer.unref();
    await this.exited;
    clearTimeout(timer);
  }
}

/** Inside a child: answers requests from the parent with handlers; exits when the parent does. */
export function serveParent(handlers: Record<string, (m: Message) => unknown>): void {
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  process.on('message', (raw) => {
    const m = raw as Message;
    const handler = handlers[m.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${m.type}`);
        return handler(m);
      })
      .then(
        (result) => process.send?.({ type: 'ok', rid: m.rid, ...(result as object | undefined) }),
        (error: unknown) => process.send?.({ type: 'error', rid: m.rid, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
}

/** What every server child can report: its memory and its event loop's delay over a quiet window. */
export function processStatsHandlers(): Record<string, (m: Message) => unknown> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stats: async (m) => {
      const windowMs = Number(m.windowMs ?? 1000);
      histogram.reset();
      const rss: number[] = [];
      const deadline = Date.now() + windowMs;
      while (Date.now() < deadline) {
        rss.push(process.memoryUsage().rss);
        await sleep(Math.min(250, windowMs));
      }
      return {
        rssMb: quantile(rss, 0.5) / 1024 / 1024,
        rssMaxMb: Math.max(...rss) / 1024 / 1024,
        eldP50Ms: histogram.percentile(50) / 1e6,
        eldP99Ms: histogram.percentile(99) / 1e6,
        eldMaxMs: histogram.max / 1e6,
      };
    },
    gc: () => {
      (globalThis as { gc?: () => void }).gc?.();
      return {};
    },
  };
}

export const benchDir = path.dirname(import.meta.dirname);
export const srcFile = (name: string): string => path.join(import.meta.dirname, name);
