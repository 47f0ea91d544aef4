/**
 * The voters' devices, for a test with hundreds of them: createBallot on
 * worker threads (each runs this file), so the server's main thread is left
 * to check and store ballots. The same ballots a loop here would make.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { createBallot, loadElection, type Plaintext } from '@kumiai/shared/elections/crypto/index';

const KIND = 'kumiai-test-ballots';
interface Job {
  electionRaw: string;
  requests: { secret: string; plaintext: Plaintext }[];
}

if ((workerData as { kind?: string } | null)?.kind === KIND) {
  const job = (workerData as { job: Job }).job;
  const election = loadElection(job.electionRaw);
  parentPort!.postMessage(job.requests.map((r) => createBallot(election, r.secret, r.plaintext)));
}

function start(job: Job): Worker {
  const self = import.meta.url;
  const data = { kind: KIND, job };
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  // A worker does not inherit the TypeScript loader: register tsx, then load this file.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`, { eval: true, workerData: data });
}

/** The ballots for `requests`, in order, made on `threads` worker threads. */
export async function makeBallotsOnThreads(electionRaw: string, requests: Job['requests'], threads = 2): Promise<string[]> {
  const size = Math.ceil(requests.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => requests.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = start({ electionRaw, requests: slice });
          worker.once('message', (raws: string[]) => {
            resolve(raws);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return parts.flat();
}
