import { afterEach, describe, expect, it } from 'vitest';
import type { CastReceipt, ElectionDetail, SlotChoice } from '@kumiai/shared';
import { request, type HttpAnswer } from '../http-client.ts';
import { HOUR, call, castBallot, electionInput, electionServer, makeBallot, ok, openElection, SOME_CHOICES, type Cast } from './election-fixture.ts';

/**
 * The election cryptography runs on worker threads (crypto-pool.ts), so the
 * server keeps answering while it works: a request sent while credentials
 * are issued or a ballot is checked is answered first. Ordering, not timing:
 * the service method is wrapped so the other request is sent once the work
 * has begun; code that did the work on the event loop answers it only after.
 */
let cast: Cast;
afterEach(async () => cast.server.close());

/** Answers, in the order they arrived. */
function recorder() {
  const order: string[] = [];
  const note = (name: string) => (a: HttpAnswer) => {
    order.push(name);
    return a;
  };
  return { order, note };
}

/** Wraps `target[method]`: `during()` runs as each call begins (after its synchronous part, when `after` is true). */
function wrap<T extends object, K extends keyof T>(target: T, method: K, during: () => void, after = false): void {
  const original = target[method] as (...args: unknown[]) => unknown;
  target[method] = ((...args: unknown[]) => {
    if (!after) during();
    const result = original.apply(target, args);
    if (after) during();
    return result;
  }) as T[K];
}

const healthz = () => request(cast.server, '/healthz');

describe('the event loop stays free for the election cryptography', () => {
  it('opening an election of 300 voters: /healthz, asked once the credentials are being made, answers before the open', async () => {
    cast = await electionServer(300);
    const { order, note } = recorder();
    let health = null as Promise<HttpAnswer> | null;
    // Open through the fixture, whose last step is the open; the health check is sent as the open begins.
    wrap(cast.server.services.elections, 'open', () => {
      health = healthz().then(note('health'));
    });
    const opened = openElection(cast, electionInput(cast.server.clock.now()), ['c1', 'c2'], 2).then(() => order.push('open'));
    await opened;
    expect(health).not.toBeNull();
    expect((await health!).status).toBe(200);
    expect(order).toEqual(['health', 'open']);
    // One credential per roll member (the 300 voters, the commission and the admin).
    expect(cast.server.db.prepare('SELECT count(*) FROM election_credentials').pluck().get()).toBe(304);
  });

  it('while a ballot is checked, /healthz answers first; the ballot is stored after', async () => {
    cast = await electionServer(3);
    const { id } = await openElection(cast, electionInput(cast.server.clock.now()), ['c1', 'c2'], 2);
    const ballot = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    const { order, note } = recorder();
    let health = null as Promise<HttpAnswer> | null;
    wrap(cast.server.services.electionVoting, 'cast', () => {
      health = healthz().then(note('health'));
    });
    const receipt = await castBallot(cast, id, 'v1', ballot).then(note('cast'));
    await health;
    expect(receipt.status).toBe(200);
    expect(order).toEqual(['health', 'cast']);
  });
});

describe('order guarantees with checks on worker threads', () => {
  it('a ballot received 1 ms before close is stored though its check ends after; the tally asked meanwhile waits for it and counts it', async () => {
    cast = await electionServer(3);
    const input = electionInput(cast.server.clock.now());
    const { id } = await openElection(cast, input, ['c1', 'c2'], 2);
    const ballot = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    cast.server.clock.advance(input.closesAt - 1 - cast.server.clock.now());
    let tally = null as Promise<HttpAnswer> | null;
    // Once the ballot is received (the synchronous part of cast ran), the window closes and the commission starts the tally.
    wrap(
      cast.server.services.electionVoting,
      'cast',
      () => {
        cast.server.clock.advance(HOUR);
        tally = call(cast, 'c1', 'POST', `/api/elections/${id}/tally`);
      },
      true,
    );
    const receipt = await castBallot(cast, id, 'v1', ballot);
    expect(receipt.status).toBe(200);
    expect(receipt.json<CastReceipt>().castAt).toBe(input.closesAt - 1);
    const tallied = await ok<ElectionDetail>(tally!);
    expect(tallied.state).toBe('tallying');
    expect(cast.server.db.prepare('SELECT num_tallied FROM elections WHERE id = ?').pluck().get(id)).toBe(1);
  });

  it("a member's two ballots sent at once are stored in the order received: the second counts and says it replaced the first", async () => {
    cast = await electionServer(3);
    const { id } = await openElection(cast, electionInput(cast.server.clock.now()), ['c1', 'c2'], 2);
    const no: SlotChoice[] = [{ picked: ['no'] }, { picked: ['baba'] }, { picked: ['no'] }];
    const first = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    const second = await makeBallot(cast, id, 'v1', no);
    let sent = null as Promise<HttpAnswer> | null;
    let once = false;
    // The second is sent once the first is received and its check has begun.
    wrap(
      cast.server.services.electionVoting,
      'cast',
      () => {
        if (once) return;
        once = true;
        sent = castBallot(cast, id, 'v1', second);
      },
      true,
    );
    const a = await castBallot(cast, id, 'v1', first);
    const b = await sent!;
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.json<CastReceipt>().replaced, b.json<CastReceipt>().replaced]).toEqual([false, true]);
    const stored = cast.server.db.prepare('SELECT tracker FROM election_ballots WHERE election_id = ? ORDER BY seq').pluck().all(id);
    expect(stored).toEqual([a.json<CastReceipt>().tracker, b.json<CastReceipt>().tracker]);
  });
});
