import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElectionDetail, RollPage, SlotChoice, VoterElection } from '@kumiai/shared';
import { plaintextFor } from '@kumiai/shared';
import { createBallot, generateSecretCredential, loadElection, publicCredential, verifyArchive } from '@kumiai/shared/elections/crypto/index';
import { tempDir } from '../helpers.ts';
import { call, castBallot, codeOf, decrypt, electionInput, electionServer, ok, openElection, ops, QUESTIONS, type Cast } from './election-fixture.ts';

/**
 * A whole election with a commission member (c2) as the credential authority
 * (issue 17), through the real server: c2's "device" (this test) makes one
 * credential per roll member and sends only the public ones; the members vote
 * with the credentials of their letters; a lost one is re-issued on c2's
 * device; the server's database never holds a secret credential; the record
 * verifies and the result is the sum of the ballots.
 */
let cast: Cast;
const db = () => cast.server.db;
const YES: SlotChoice[] = [{ picked: ['yes'] }, { picked: ['aoki'] }, { picked: ['yes'] }];
const NO: SlotChoice[] = [{ picked: ['no'] }, { blank: true }, { picked: ['no'] }];

beforeEach(async () => {
  cast = await electionServer(4);
});
afterEach(async () => cast.server.close());

/** The authority's device: the whole roll (paged), one fresh credential each. */
async function makeLetters(id: string, uuid: string): Promise<{ memberId: string; weight: number; secret: string; credential: string }[]> {
  const entries: RollPage['entries'] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: RollPage = await ok<RollPage>(call(cast, 'c2', 'GET', `/api/elections/${id}/roll${cursor ? `?cursor=${cursor}` : ''}`));
    entries.push(...page.entries);
    cursor = page.nextCursor;
  }
  return entries.map((e) => {
    const secret = generateSecretCredential();
    return { memberId: e.memberId, weight: e.weight, secret, credential: publicCredential(ops, uuid, secret).toString() };
  });
}

/** Every byte of the database file and its WAL, as text (the attacker's copy). */
function databaseBytes(): string {
  const file = path.join(cast.server.config.dataDir, 'kumiai.sqlite');
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
}

describe('a commission member as credential authority', () => {
  it('runs a whole election: only public credentials reach the server, the letters’ credentials vote, a lost one is re-issued on the authority’s device, the record verifies', async () => {
    const input = electionInput(cast.server.clock.now(), { quorumPercent: 0 });
    let letters: Awaited<ReturnType<typeof makeLetters>> = [];
    let uuid = '';
    const { id, seeds } = await openElection(cast, input, ['c1'], 1, async (id) => {
      const named = await ok<ElectionDetail>(call(cast, 'c1', 'PUT', `/api/elections/${id}/credential-authority`, { memberId: 'c2' }));
      expect(named.credentialAuthority?.memberId).toBe('c2');
      uuid = named.uuid!;
      letters = await makeLetters(id, uuid);
      const upload = (who: string, credentials: unknown[]) => call(cast, who, 'POST', `/api/elections/${id}/credentials`, { credentials });
      const codes = async (a: ReturnType<typeof upload>) => {
        const r = await a;
        return [r.status, codeOf(r)];
      };
      const pub = letters.map(({ memberId, weight, credential }) => ({ memberId, weight, credential }));
      // Not yet sent: open is refused.
      expect(await codes(call(cast, 'c1', 'POST', `/api/elections/${id}/open`))).toEqual([409, 'credentials_not_ready']);
      // Only the authority; never a secret; exactly the roll, with its weights; group elements only.
      expect(await codes(upload('c1', pub))).toEqual([403, 'not_credential_authority']);
      expect(await codes(upload('c2', letters.map(({ memberId, weight, secret }) => ({ memberId, weight, credential: secret }))))).toEqual([400, 'validation_failed']);
      expect(await codes(upload('c2', pub.slice(1)))).toEqual([409, 'credentials_not_ready']);
      expect(await codes(upload('c2', pub.map((c, i) => (i === 0 ? { ...c, weight: 2 } : c))))).toEqual([400, 'validation_failed']);
      expect(await codes(upload('c2', pub.map((c, i) => (i === 0 ? { ...c, credential: '12345678901234567890' } : c))))).toEqual([400, 'validation_failed']);
      expect(await codes(upload('c2', [...pub.slice(1), { ...pub[0]!, memberId: pub[1]!.memberId }]))).toEqual([400, 'validation_failed']);
      expect(db().prepare('SELECT count(*) FROM election_credentials').pluck().get()).toBe(0);
      const sent = await ok<ElectionDetail>(upload('c2', pub));
      expect(sent.publicCredentials).toBe(letters.length);
    });
    const letterOf = (memberId: string) => letters.find((l) => l.memberId === memberId)!.secret;

    // The member's kit has no credential; the election says it comes from the letter.
    const kit = await ok<{ election: string; credential?: string }>(call(cast, 'v1', 'GET', `/api/me/elections/${id}/ballot-kit`));
    expect(kit.credential).toBeUndefined();
    expect((await ok<VoterElection[]>(call(cast, 'v1', 'GET', '/api/me/elections')))[0]!.credentialFrom).toBe('member');
    const election = loadElection(kit.election);
    const ballotWith = (credential: string, choices: SlotChoice[]) => createBallot(election, credential, plaintextFor(QUESTIONS, choices));

    await ok(castBallot(cast, id, 'v1', ballotWith(letterOf('v1'), YES)));
    await ok(castBallot(cast, id, 'v2', ballotWith(letterOf('v2'), YES)));
    // Someone else's letter is refused.
    const stolen = await castBallot(cast, id, 'v3', ballotWith(letterOf('v4'), NO));
    expect([stolen.status, codeOf(stolen)]).toEqual([403, 'ballot_credential_mismatch']);

    // v4 lost the letter: re-issued on c2's device (c1 may not; server mode's form is refused).
    const reissue = (who: string, body: object) => call(cast, who, 'POST', `/api/elections/${id}/credentials/reissue`, body);
    const fresh = generateSecretCredential();
    const freshPublic = publicCredential(ops, uuid, fresh).toString();
    const byC1 = await reissue('c1', { memberId: 'v4', credential: freshPublic });
    expect([byC1.status, codeOf(byC1)]).toEqual([403, 'not_credential_authority']);
    const noKey = await reissue('c2', { memberId: 'v4' });
    expect([noKey.status, codeOf(noKey)]).toEqual([400, 'validation_failed']);
    const used = await reissue('c2', { memberId: 'v1', credential: freshPublic });
    expect([used.status, codeOf(used)]).toEqual([409, 'credential_used']);
    await ok(reissue('c2', { memberId: 'v4', credential: freshPublic }));
    const old = await castBallot(cast, id, 'v4', ballotWith(letterOf('v4'), NO));
    expect([old.status, codeOf(old)]).toEqual([403, 'ballot_credential_mismatch']);
    await ok(castBallot(cast, id, 'v4', ballotWith(fresh, NO)));
    await ok(castBallot(cast, id, 'v3', ballotWith(letterOf('v3'), NO)));

    // During voting (when server mode would hold every secret): none in the database or its WAL.
    const secrets = [...letters.map((l) => l.secret), fresh];
    expect(db().prepare('SELECT count(*) FROM election_credentials WHERE secret IS NOT NULL').pluck().get()).toBe(0);
    const during = databaseBytes();
    expect(secrets.filter((s) => during.includes(s) || during.includes(s.replace(/-/g, '')))).toEqual([]);

    cast.server.clock.advance(input.closesAt - cast.server.clock.now());
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/tally`));
    await ok(decrypt(cast, id, 'c1', seeds.get('c1')!));
    const res = await fetch(`${cast.server.base}/api/elections/${id}/archive.bel`, { headers: cast.as('c1') });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const report = verifyArchive(bytes);
    expect(report.failure).toBeUndefined();
    expect([report.ok, report.ballots, report.tallied]).toEqual([true, 4, 4]);
    // strike (blank, yes, no): v1 and v2 yes, v3 and v4 no.
    expect(report.result![0]!.map(Number)).toEqual([0, 2, 2]);
    const detail = await ok<ElectionDetail>(call(cast, 'c1', 'GET', `/api/elections/${id}`));
    expect(detail.outcome!.questions[0]!.counts.map((c) => [c.answer, c.online])).toEqual([
      ['yes', 2],
      ['no', 2],
    ]);
    const dir = tempDir('kumiai-bel-');
    fs.writeFileSync(path.join(dir, 'election.bel'), bytes);
    const inria = spawnSync('belenios-tool', ['election', 'verify', '--dir', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
    expect([inria.status, `${inria.stdout}${inria.stderr}`]).toEqual([0, expect.stringContaining('all checks passed')]);
    const after = databaseBytes() + cast.server.logs();
    expect(secrets.filter((s) => after.includes(s) || after.includes(s.replace(/-/g, '')))).toEqual([]);
  }, 90_000);

  it('naming the authority is for a commission member in a draft; going back to server mode drops the public credentials sent', async () => {
    const input = electionInput(cast.server.clock.now());
    const { id } = await ok<ElectionDetail>(call(cast, 'c1', 'POST', '/api/elections', input));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/roll/freeze`));
    const notCommission = await call(cast, 'c1', 'PUT', `/api/elections/${id}/credential-authority`, { memberId: 'v1' });
    expect([notCommission.status, codeOf(notCommission)]).toEqual([400, 'validation_failed']);
    const named = await ok<ElectionDetail>(call(cast, 'c1', 'PUT', `/api/elections/${id}/credential-authority`, { memberId: 'c2' }));
    const letters = await makeLetters(id, named.uuid!);
    await ok(call(cast, 'c2', 'POST', `/api/elections/${id}/credentials`, { credentials: letters.map(({ memberId, weight, credential }) => ({ memberId, weight, credential })) }));
    const back = await ok<ElectionDetail>(call(cast, 'c1', 'PUT', `/api/elections/${id}/credential-authority`, { memberId: null }));
    expect([back.credentialAuthority, back.publicCredentials, back.uuid]).toEqual([null, undefined, named.uuid]);
    expect(db().prepare('SELECT count(*) FROM election_credentials').pluck().get()).toBe(0);
  });
});
