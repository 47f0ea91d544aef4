import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { publicCredentialList, type IssuedCredential } from '@kumiai/shared/elections/crypto/index';
import type { CheckBallotTask, CredentialsTask, TallyTask, tally } from './crypto-tasks.ts';

/** A worker left idle this long is stopped (an idle server holds no election threads). */
const IDLE_MS = 60_000;

/**
 * The election cryptography off the event loop (issue 17): a Piscina pool of
 * `KUMIAI_ELECTION_THREADS` worker threads running `crypto-tasks.ts`. While
 * credentials are issued, ballots checked or the tally computed, the server
 * keeps answering every other request. Stopped with the server (`close`).
 */
export class ElectionsCrypto {
  private readonly pool: Piscina;

  constructor(readonly threads: number) {
    this.pool = new Piscina({ filename: fileURLToPath(new URL('./crypto-worker.mjs', import.meta.url)), minThreads: 0, maxThreads: threads, idleTimeout: IDLE_MS });
  }

  /** issueCredentials for the roll, in one slice per thread; the same result as in one thread (secrets are random). */
  async issueCredentials(uuid: string, voters: readonly { id: string; weight: bigint }[]): Promise<{ issued: IssuedCredential[]; publicCredentials: string[] }> {
    const size = Math.max(1, Math.ceil(voters.length / this.threads));
    const slices: CredentialsTask[] = [];
    for (let i = 0; i < voters.length; i += size) slices.push({ uuid, voters: voters.slice(i, i + size) });
    const parts = await Promise.all(slices.map((task) => this.pool.run(task, { name: 'credentials' }) as Promise<IssuedCredential[]>));
    const issued = parts.flat();
    return { issued, publicCredentials: publicCredentialList(issued) };
  }

  /** Belenios' verdict on one ballot signed with `task.credential`: null when valid, else why. */
  checkBallot(task: CheckBallotTask): Promise<string | null> {
    return this.pool.run(task, { name: 'checkBallot' }) as Promise<string | null>;
  }

  /** The encrypted tally of the last ballot per credential. */
  tally(task: TallyTask): Promise<ReturnType<typeof tally>> {
    return this.pool.run(task, { name: 'tally' }) as Promise<ReturnType<typeof tally>>;
  }

  /** Stops every worker (the server's onClose). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
