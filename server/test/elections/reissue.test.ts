import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CastReceipt, ElectionDetail } from '@kumiai/shared';
import { publicCredential, verifyArchive } from '@kumiai/shared/elections/crypto/index';
import { tempDir } from '../helpers.ts';
import { call, castBallot, codeOf, decrypt, electionInput, electionServer, makeBallot, ok, openElection, ops, SOME_CHOICES, type Cast } from './election-fixture.ts';

/**
 * Re-issuing a lost credential through the real server (issue 17, server
 * mode): the old public credential is struck from L (a ballot signed with it
 * is refused), the member's next kit carries the new one, the record still
 * verifies (ours and belenios-tool), and re-issue is refused once the member
 * has voted.
 */
let cast: Cast;
let id: string;
let seeds: Map<string, string>;
let closesAt: number;
const db = () => cast.server.db;
const ballots = () => db().prepare('SELECT count(*) FROM election_ballots').pluck().get() as number;
const listL = () => db().prepare('SELECT credentials_json FROM elections WHERE id = ?').pluck().get(id) as string;
const kitOf = (voter: string) => ok<{ credential: string }>(call(cast, voter, 'GET', `/api/me/elections/${id}/ballot-kit`));
const reissue = (who: string, memberId: string) => call(cast, who, 'POST', `/api/elections/${id}/credentials/reissue`, { memberId });

beforeEach(async () => {
  cast = await electionServer(4);
  const input = electionInput(cast.server.clock.now(), { quorumPercent: 0 });
  closesAt = input.closesAt;
  ({ id, seeds } = await openElection(cast, input, ['c1'], 1));
});
afterEach(async () => cast.server.close());

describe('a lost credential re-issued by the commission', () => {
  it('strikes the old credential (its ballot refused), hands the new one over the member’s session, and the record still verifies', async () => {
    // v2 votes first: the server's ballot box (which holds L) is loaded before the re-issue.
    await ok(castBallot(cast, id, 'v2', await makeBallot(cast, id, 'v2', [{ picked: ['no'] }, { blank: true }, { picked: ['no'] }])));
    const oldKit = await kitOf('v1');
    const oldBallot = await makeBallot(cast, id, 'v1', SOME_CHOICES);
    const before = listL();
    await ok<ElectionDetail>(reissue('c1', 'v1'));
    const after = listL();
    expect(after).not.toBe(before);
    expect(JSON.parse(after)).toHaveLength((JSON.parse(before) as string[]).length);

    const refused = await castBallot(cast, id, 'v1', oldBallot);
    expect([refused.status, codeOf(refused)]).toEqual([403, 'ballot_credential_mismatch']);
    expect(ballots()).toBe(1);

    const newKit = await kitOf('v1');
    expect(newKit.credential).not.toBe(oldKit.credential);
    // L: the old public credential struck, the new one listed in its place.
    const { uuid } = await ok<ElectionDetail>(call(cast, 'c1', 'GET', `/api/elections/${id}`));
    const listed = new Set(JSON.parse(after) as string[]);
    expect(listed.has(publicCredential(ops, uuid!, oldKit.credential).toString())).toBe(false);
    expect(listed.has(publicCredential(ops, uuid!, newKit.credential).toString())).toBe(true);
    const receipt = await ok<CastReceipt>(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', SOME_CHOICES)));
    expect(receipt.replaced).toBe(false);

    // Audited: who re-issued for whom; no credential (secret or public) in the audit log.
    const audit = db().prepare("SELECT actor_id, detail FROM audit_log WHERE action = 'election.credential_reissued'").all() as { actor_id: string; detail: string }[];
    expect(audit).toEqual([{ actor_id: 'c1', detail: JSON.stringify({ memberId: 'v1' }) }]);
    const log = JSON.stringify(db().prepare('SELECT detail FROM audit_log').pluck().all());
    for (const secret of [oldKit.credential, newKit.credential]) expect(log).not.toContain(secret);
    for (const key of JSON.parse(after) as string[]) expect(log).not.toContain(key.slice(0, 40));

    // Close, tally, decrypt: the record (one Setup event with the current L) passes both verifiers.
    cast.server.clock.advance(closesAt - cast.server.clock.now());
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/tally`));
    await ok(decrypt(cast, id, 'c1', seeds.get('c1')!));
    const res = await fetch(`${cast.server.base}/api/elections/${id}/archive.bel`, { headers: cast.as('c1') });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const report = verifyArchive(bytes);
    expect(report.failure).toBeUndefined();
    expect([report.ok, report.ballots, report.tallied]).toEqual([true, 2, 2]);
    // strike: yes 1 / no 1 (blank first).
    expect(report.result![0]!.map(Number)).toEqual([0, 1, 1]);
    const dir = tempDir('kumiai-bel-');
    fs.writeFileSync(path.join(dir, 'election.bel'), bytes);
    const inria = spawnSync('belenios-tool', ['election', 'verify', '--dir', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
    expect(inria.error).toBeUndefined();
    expect([inria.status, `${inria.stdout}${inria.stderr}`]).toEqual([0, expect.stringContaining('all checks passed')]);
  }, 60_000);

  it('is refused once the member voted (online: credential_used, paper: voted_on_paper), to non-commission members, off the roll and after the window, changing nothing', async () => {
    await ok(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', SOME_CHOICES)));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/paper/voters`, { memberId: 'v2' }));
    const kit = await kitOf('v1');
    const before = listL();
    const codes = async (who: string, memberId: string) => {
      const a = await reissue(who, memberId);
      return [a.status, codeOf(a)];
    };
    expect(await codes('c1', 'v1')).toEqual([409, 'credential_used']);
    expect(await codes('c1', 'v2')).toEqual([409, 'voted_on_paper']);
    expect(await codes('c1', 'nobody')).toEqual([404, 'not_on_roll']);
    expect(await codes('v3', 'v3')).toEqual([403, 'forbidden']);
    cast.server.clock.advance(closesAt - cast.server.clock.now());
    expect(await codes('c1', 'v3')).toEqual([409, 'election_not_open']);
    expect(listL()).toBe(before);
    cast.server.clock.advance(-1);
    expect((await kitOf('v1')).credential).toBe(kit.credential);
    // v1 can still vote again with the credential they have.
    await ok(castBallot(cast, id, 'v1', await makeBallot(cast, id, 'v1', SOME_CHOICES)));
    expect(db().prepare("SELECT count(*) FROM audit_log WHERE action = 'election.credential_reissued'").pluck().get()).toBe(0);
  }, 60_000);
});
