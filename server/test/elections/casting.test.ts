import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CastReceipt, ElectionDetail, VoterElection } from '@kumiai/shared';
import { HOUR, call, codeOf, decrypt, castBallot, electionInput, electionServer, makeBallot, ok, openElection, SOME_CHOICES, signedIn, type Cast } from './election-fixture.ts';

/**
 * Casting through the real server over real sockets (issue 17): the window on
 * the server's clock, and each refusal with its code changing nothing.
 */
let cast: Cast;
let id: string;
let seeds: Map<string, string>;
let closesAt: number;
const ballots = () => cast.server.db.prepare('SELECT count(*) FROM election_ballots').pluck().get() as number;

beforeEach(async () => {
  cast = await electionServer(6);
  const input = electionInput(cast.server.clock.now());
  closesAt = input.closesAt;
  ({ id, seeds } = await openElection(cast, input, ['c1', 'c2'], 2));
});
afterEach(async () => cast.server.close());

describe('the voting window on the server clock', () => {
  it('accepts a ballot 1 ms before close and refuses one at close and after (election_not_open), storing nothing', async () => {
    const early = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    const late = await makeBallot(cast, id, 'v2', SOME_CHOICES);
    cast.server.clock.advance(closesAt - 1 - cast.server.clock.now());
    const accepted = await castBallot(cast, id, 'v1', early);
    expect(accepted.status).toBe(200);
    expect(accepted.json<CastReceipt>()).toMatchObject({ castAt: closesAt - 1, replaced: false });
    cast.server.clock.advance(1);
    const atClose = await castBallot(cast, id, 'v2', late);
    expect([atClose.status, codeOf(atClose)]).toEqual([409, 'election_not_open']);
    cast.server.clock.advance(HOUR);
    const after = await castBallot(cast, id, 'v2', late);
    expect([after.status, codeOf(after)]).toEqual([409, 'election_not_open']);
    expect(ballots()).toBe(1);
  });

  it('a voter may vote again while open: the receipt says the earlier ballot was replaced', async () => {
    const first = await ok<CastReceipt>(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', SOME_CHOICES)));
    const second = await ok<CastReceipt>(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', [{ blank: true }, { blank: true }, { picked: ['no'] }])));
    expect(first.replaced).toBe(false);
    expect(second.replaced).toBe(true);
    expect(second.tracker).not.toBe(first.tracker);
    const mine = await ok<VoterElection[]>(call(cast, 'v1', 'GET', '/api/me/elections'));
    expect(mine.map((e) => [e.id, e.voted])).toEqual([[id, 'online']]);
    expect(ballots()).toBe(2);
  });
});

describe('ballots refused with their codes, changing nothing', () => {
  it("another member's credential, a replay, another election's ballot and a malformed ballot", async () => {
    const v1Ballot = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    await ok(castBallot(cast, id, 'v1', v1Ballot));
    const before = ballots();
    const refused = async (voter: string, ballot: string) => {
      const a = await castBallot(cast, id, voter, ballot);
      return [a.status, codeOf(a)];
    };
    // v2 sends a ballot made with v1's credential (v1's own, so the signature and proofs are fine).
    expect(await refused('v2', await makeBallot(cast, id, 'v1', SOME_CHOICES))).toEqual([403, 'ballot_credential_mismatch']);
    // The same bytes again.
    expect(await refused('v1', v1Ballot)).toEqual([409, 'ballot_duplicate']);
    // A ballot for a second election (v1 is on both rolls).
    const other = await openElection(cast, electionInput(cast.server.clock.now(), { title: '別の選挙' }), ['c3'], 1);
    expect(await refused('v1', await makeBallot(cast, other.id, 'v1', SOME_CHOICES))).toEqual([400, 'ballot_wrong_election']);
    // Malformed: not JSON, and a real ballot with one proof digit changed.
    expect(await refused('v1', '{"not":"a ballot"}')).toEqual([400, 'ballot_invalid']);
    const fresh = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    const tampered = fresh.replace(/"response":"(\d)/, (_, d: string) => `"response":"${d === '1' ? '2' : '1'}`);
    expect(tampered).not.toBe(fresh);
    expect(await refused('v1', tampered)).toEqual([400, 'ballot_invalid']);
    expect(ballots()).toBe(before);
  });

  it('a member who voted on paper cannot vote online, and one who voted online cannot be recorded on paper', async () => {
    const ballot = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/paper/voters`, { memberId: 'v2' }));
    const kit = await call(cast, 'v2', 'GET', `/api/me/elections/${id}/ballot-kit`);
    expect([kit.status, codeOf(kit)]).toEqual([409, 'voted_on_paper']);
    await ok(castBallot(cast, id, 'v1', ballot));
    const paper = await call(cast, 'c1', 'POST', `/api/elections/${id}/paper/voters`, { memberId: 'v1' });
    expect([paper.status, codeOf(paper)]).toEqual([409, 'already_voted_online']);
    expect((await ok<ElectionDetail>(call(cast, 'c1', 'GET', `/api/elections/${id}`))).paperVoters).toBe(1);
  });
});

describe('closing', () => {
  it('publishing waits for the paper totals when members voted on paper; the secret credentials are gone from the tally on', async () => {
    await ok(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', SOME_CHOICES)));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/paper/voters`, { memberId: 'v2' }));
    cast.server.clock.advance(closesAt - cast.server.clock.now());
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/tally`));
    expect(cast.server.db.prepare('SELECT count(*) FROM election_credentials').pluck().get()).toBe(0);
    for (const t of ['c1', 'c2']) await ok(decrypt(cast, id, t, seeds.get(t)!));
    const early = await call(cast, 'c1', 'POST', `/api/elections/${id}/publish`);
    expect([early.status, codeOf(early)]).toEqual([409, 'election_wrong_state']);
    const wrongShape = await call(cast, 'c1', 'PUT', `/api/elections/${id}/paper/totals`, { totals: [[0, 1, 0]] });
    expect([wrongShape.status, codeOf(wrongShape)]).toEqual([400, 'validation_failed']);
    await ok(call(cast, 'c1', 'PUT', `/api/elections/${id}/paper/totals`, { totals: [[0, 0, 1], [0, 0, 1, 0], [1, 0, 0]] }));
    const published = await ok<ElectionDetail>(call(cast, 'c1', 'POST', `/api/elections/${id}/publish`));
    expect(published.state).toBe('published');
    // 2 of the 10 on the roll voted: under the 50 % quorum nothing is decided, though the counts are shown.
    expect(published.outcome!.quorumMet).toBe(false);
    expect(published.outcome!.questions[0]).toMatchObject({ valid: 2, decision: 'no_quorum' });
    expect(published.outcome!.questions[0]!.counts).toEqual([
      { answer: 'yes', online: 1, paper: 0, total: 1 },
      { answer: 'no', online: 0, paper: 1, total: 1 },
    ]);
    expect(published.outcome!.turnout).toEqual({ online: 1, paper: 1, total: 2 });
    const mine = await ok<VoterElection[]>(call(cast, 'v2', 'GET', '/api/me/elections'));
    expect(mine[0]).toMatchObject({ voted: 'paper', state: 'published', outcome: published.outcome });
  });
});

describe('who may do what', () => {
  it('an admin without election_commissioner is refused every commission route (403), and sees no elections', async () => {
    const admin = await signedIn(cast, '000001');
    for (const [method, url] of [
      ['GET', `/api/elections/${id}`],
      ['GET', `/api/elections/${id}/turnout`],
      ['GET', `/api/elections/${id}/roll`],
      ['POST', `/api/elections/${id}/tally`],
      ['GET', `/api/elections/${id}/archive.bel`],
    ] as const) {
      const a = await call(cast, admin, method, url);
      expect([url, a.status, codeOf(a)]).toEqual([url, 403, 'forbidden']);
    }
    const create = await call(cast, admin, 'POST', '/api/elections', electionInput(cast.server.clock.now()));
    expect([create.status, codeOf(create)]).toEqual([403, 'forbidden']);
    expect(await ok(call(cast, admin, 'GET', '/api/elections'))).toEqual([]);
  });

  it('a member not on the roll gets not_on_roll; a commission member who is not a trustee gets not_a_trustee', async () => {
    const { id: draft } = await ok<ElectionDetail>(call(cast, 'c1', 'POST', '/api/elections', electionInput(cast.server.clock.now(), { electorate: { unitIds: ['bA'], classes: [] } })));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${draft}/roll/freeze`));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${draft}/roll/changes`, { remove: ['v1'], reason: '退職予定' }));
    await ok(call(cast, 'c1', 'PUT', `/api/elections/${draft}/trustees`, { memberIds: ['c1'], threshold: 1 }));
    const notTrustee = await call(cast, 'c2', 'GET', `/api/elections/${draft}/trustee`);
    expect([notTrustee.status, codeOf(notTrustee)]).toEqual([403, 'not_a_trustee']);
    const detail = await ok<ElectionDetail>(call(cast, 'c1', 'GET', `/api/elections/${draft}`));
    // v1…v6 in wA1 (not v3, v6: wB1): v1 removed by hand, so v2, v4, v5.
    expect(detail.rollSize).toBe(3);
    // On the first election's roll but not this one's (a draft is not listed to voters either).
    const kit = await call(cast, 'v3', 'GET', `/api/me/elections/${id}/ballot-kit`);
    expect(kit.status).toBe(200);
    const audit = cast.server.db.prepare("SELECT detail FROM audit_log WHERE action = 'election.roll_changed'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ removed: 1, reason: '退職予定' });
    const stranger = cast.server.db.prepare("INSERT INTO members (id, employee_number, name, unit_id, status, created_at, updated_at) VALUES ('late', 'late01', '後から', 'wA1', 'active', 0, 0)");
    stranger.run();
    const notOnRoll = await call(cast, 'late', 'GET', `/api/me/elections/${id}/ballot-kit`);
    expect([notOnRoll.status, codeOf(notOnRoll)]).toEqual([403, 'not_on_roll']);
    const castRefused = await castBallot(cast, id, 'late', await makeBallot(cast, id, 'v1', SOME_CHOICES));
    expect([castRefused.status, codeOf(castRefused)]).toEqual([403, 'not_on_roll']);
  });
});
