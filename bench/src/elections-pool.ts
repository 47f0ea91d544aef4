/**
 * Ballot generation on worker threads for `pnpm bench:elections`, behind the
 * synchronous `makeBallots` hook of simulateElection: the jobs are posted,
 * the main thread blocks on an Atomics counter until every worker is done,
 * then reads the replies with receiveMessageOnPort. Each worker runs this
 * file and calls createBallot, exactly as the main thread would.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { createBallot, loadElection, type Election, type Plaintext } from '@kumiai/shared/elections/crypto/index';

const KIND = 'kumiai-bench-ballots';
interface Init {
  kind: typeof KIND;
  electionRaw: string;
  port: MessagePort;
  counter: SharedArrayBuffer;
}
interface Job {
  requests: { secret: string; plaintext: Plaintext }[];
}

if ((workerData as Partial<Init> | null)?.kind === KIND) {
  const init = workerData as Init;
  const election = loadElection(init.electionRaw);
  const counter = new Int32Array(init.counter);
  init.port.on('message', (job: Job) => {
    try {
      init.port.postMessage({ raws: job.requests.map((r) => createBallot(election, r.secret, r.plaintext)) });
    } catch (error) {
      init.port.postMessage({ error: (error as Error).message });
    }
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}

function start(init: Omit<Init, 'kind'>): Worker {
  const self = import.meta.url;
  const data: Init = { kind: KIND, ...init };
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data, transferList: [init.port] });
  // Under tsx a worker does not inherit the TypeScript loader: register it, then load this file.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`, { eval: true, workerData: data, transferList: [init.port] });
}

/** createBallot for every request on `threads` worker threads; the same ballots, in order, as a loop in this thread would make. */
export function makeBallotsOnThreads(threads: number): (election: Election, requests: readonly { secret: string; plaintext: Plaintext }[]) => string[] {
  return (election, requests) => {
    const n = Math.max(1, Math.min(threads, requests.length));
    const counter = new SharedArrayBuffer(4);
    const channels = Array.from({ length: n }, () => new MessageChannel());
    const workers = channels.map((c) => start({ electionRaw: election.raw, port: c.port2, counter }));
    try {
      // Contiguous slices, one job each: their order is kept by reading each port's reply in turn.
      const size = Math.ceil(requests.length / n);
      channels.forEach((c, i) => c.port1.postMessage({ requests: requests.slice(i * size, (i + 1) * size) } satisfies Job));
      const done = new Int32Array(counter);
      // A worker that fails to start cannot be heard while this thread blocks: give up after a generous deadline.
      const deadline = performance.now() + 60_000 + 2_000 * requests.length;
      for (let seen = Atomics.load(done, 0); seen < n; seen = Atomics.load(done, 0)) {
        if (performance.now() > deadline) throw new Error('ballot threads did not finish in time');
        Atomics.wait(done, 0, seen, 1_000);
      }
      return channels.flatMap((c) => {
        const reply = receiveMessageOnPort(c.port1)?.message as { raws?: string[]; error?: string } | undefined;
        if (!reply?.raws) throw new Error(`ballot thread failed: ${reply?.error ?? 'no reply'}`);
        return reply.raws;
      });
    } finally {
      for (const w of workers) void w.terminate();
      for (const c of channels) c.port1.close();
    }
  };
}

/**
 * The same ballots as makeBallotsOnThreads, without blocking this thread
 * (`pnpm bench:elections-server`, whose server must keep its connections
 * alive meanwhile).
 */
export async function makeBallotsInBackground(threads: number, election: Election, requests: readonly { secret: string; plaintext: Plaintext }[]): Promise<string[]> {
  const n = Math.max(1, Math.min(threads, requests.length));
  const counter = new SharedArrayBuffer(4);
  const channels = Array.from({ length: n }, () => new MessageChannel());
  const workers = channels.map((c) => start({ electionRaw: election.raw, port: c.port2, counter }));
  try {
    const size = Math.ceil(requests.length / n);
    const parts = channels.map(
      (c, i) =>
        new Promise<string[]>((resolve, reject) => {
          c.port1.once('message', (reply: { raws?: string[]; error?: string }) => (reply.raws ? resolve(reply.raws) : reject(new Error(`ballot thread failed: ${reply.error ?? 'no reply'}`))));
          workers[i]!.once('error', reject);
          c.port1.postMessage({ requests: requests.slice(i * size, (i + 1) * size) } satisfies Job);
        }),
    );
    return (await Promise.all(parts)).flat();
  } finally {
    for (const w of workers) void w.terminate();
    for (const c of channels) c.port1.close();
  }
}
