import path from 'node:path';
import type { ElectionDetail, ElectionInput, ElectionQuestion, SlotChoice, TrusteeTask } from '@kumiai/shared';
import { plaintextFor } from '@kumiai/shared';
import { createBallot, groupOps, loadElection } from '@kumiai/shared/elections/crypto/index';
import { trusteeAnswer, trusteeCert } from '@kumiai/shared/elections/trustee-device';
import { PERSONAL_SESSION } from '../../src/features/auth/session-service.ts';
import { request, startHttpServer, type HttpAnswer, type HttpServer } from '../http-client.ts';
import { seedMember, seedUnits, signIn } from '../seed.ts';
import { tempDir } from '../helpers.ts';

export const ops = groupOps('BELENIOS-2048');
export const HOUR = 3600_000;

/** A strike vote, an officer election (3 candidates, 1 seat) and a 信任投票 (1 candidate, 1 seat): four Belenios slots. */
export const QUESTIONS: ElectionQuestion[] = [
  { id: 'strike', kind: 'yes_no', title: 'スト権の確立', options: [], threshold: 'two_thirds', base: 'valid', tie: 'not_approved' },
  { id: 'chair', kind: 'officer', title: '執行委員長', seats: 1, options: [{ id: 'aoki', name: '青木' }, { id: 'baba', name: '馬場' }, { id: 'chiba', name: '千葉' }], threshold: 'simple', base: 'valid', tie: 'lot' },
  { id: 'audit', kind: 'officer', title: '会計監査', seats: 1, options: [{ id: 'endo', name: '遠藤' }], threshold: 'simple', base: 'cast', tie: 'not_approved' },
];

export interface Cast {
  server: HttpServer;
  /** Headers for a member (a real session, sent as the browser sends it). */
  as(memberId: string): Record<string, string>;
}

/**
 * A real server on a real port and SQLite file (with a backup folder): the
 * union's units, three election commissioners (c1–c3, on the union), an admin
 * without that role, and `voters` members v1… spread over the workplaces.
 */
export async function electionServer(voters: number): Promise<Cast> {
  const backups = path.join(tempDir('kumiai-backups-'), 'b');
  const server = await startHttpServer({ KUMIAI_BACKUP_DIR: backups });
  current = server;
  seedUnits(server.db);
  for (const id of ['c1', 'c2', 'c3']) await seedMember(server.db, { id, employeeNumber: `9${id}`, unitId: 'u', roles: [['election_commissioner', 'u']] });
  await seedMember(server.db, { id: 'admin', employeeNumber: '000001', unitId: 'u', roles: [['admin', 'u']] });
  const put = server.db.prepare("INSERT INTO members (id, employee_number, name, unit_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', 0, 0)");
  server.db.transaction(() => {
    for (let i = 1; i <= voters; i++) put.run(`v${i}`, `v${String(i).padStart(6, '0')}`, `組合員${i}`, i % 3 === 0 ? 'wB1' : 'wA1');
  })();
  const origin = server.config.publicUrl;
  const cookies = new Map<string, string>();
  return {
    server,
    as(memberId) {
      let cookie = cookies.get(memberId);
      if (!cookie) cookies.set(memberId, (cookie = `__Host-kumiai_session=${server.services.sessions.create(memberId, 'personal', PERSONAL_SESSION).token}`));
      return { cookie, origin };
    },
  };
}

/** A commission member signed in the real way (password over HTTP). */
export async function signedIn(cast: Cast, employeeNumber: string): Promise<Record<string, string>> {
  return signIn(cast.server, employeeNumber);
}

export async function call(cast: Cast, who: string | Record<string, string>, method: string, url: string, json?: unknown): Promise<HttpAnswer> {
  const headers = typeof who === 'string' ? cast.as(who) : who;
  return request(cast.server, url, { method, headers, ...(json === undefined ? (method === 'GET' ? {} : { json: {} }) : { json }) });
}

let current: HttpServer | null = null;

export async function ok<T>(answer: Promise<HttpAnswer>): Promise<T> {
  const a = await answer;
  // A 500 says why in the server's log, not in its answer.
  const why = a.status >= 500 ? (current?.logs().split('\n').filter((l) => l.includes('"err"')).pop() ?? '') : '';
  if (a.status >= 300) throw new Error(`HTTP ${a.status}: ${a.text} ${why}`);
  return a.json<T>();
}

export function electionInput(now: number, over: Partial<ElectionInput> = {}): ElectionInput {
  return { unitId: 'u', title: '第10回 役員選挙・スト権投票', description: '', questions: QUESTIONS, electorate: { unitIds: ['u'], classes: [] }, quorumPercent: 50, opensAt: now, closesAt: now + 24 * HOUR, ...over };
}

/**
 * The commission creates the election and freezes the roll; the trustees (c1…)
 * make their keys on "their devices" (here: this test, which keeps the seeds);
 * the commission opens it. Answers the election and each trustee's seed.
 */
export async function openElection(cast: Cast, input: ElectionInput, trustees: string[], threshold: number, beforeOpen?: (id: string) => Promise<void>): Promise<{ id: string; seeds: Map<string, string> }> {
  const { id } = await ok<ElectionDetail>(call(cast, 'c1', 'POST', '/api/elections', input));
  await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/roll/freeze`));
  await ok(call(cast, 'c1', 'PUT', `/api/elections/${id}/trustees`, { memberIds: trustees, threshold }));
  const seeds = new Map<string, string>();
  const task = (t: string) => ok<TrusteeTask>(call(cast, t, 'GET', `/api/elections/${id}/trustee`));
  for (const t of trustees) {
    const { seed, cert } = trusteeCert();
    seeds.set(t, seed);
    await ok(call(cast, t, 'POST', `/api/elections/${id}/trustee/cert`, { message: cert }));
  }
  for (const step of ['polynomial', 'voutput'] as const) {
    for (const t of trustees) {
      const answer = trusteeAnswer(await task(t), seeds.get(t)!);
      if (answer?.step !== step) throw new Error(`expected ${step}, got ${answer?.step ?? 'nothing to do'}`);
      await ok(call(cast, t, 'POST', `/api/elections/${id}/trustee/${step}`, { message: answer.message }));
    }
  }
  if (beforeOpen) await beforeOpen(id);
  await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/open`));
  return { id, seeds };
}

/** A trustee's device decrypts the tally with her seed. */
export async function decrypt(cast: Cast, id: string, trustee: string, seed: string): Promise<HttpAnswer> {
  const answer = trusteeAnswer(await ok<TrusteeTask>(call(cast, trustee, 'GET', `/api/elections/${id}/trustee`)), seed);
  if (answer?.step !== 'decryption') throw new Error(`expected decrypt, got ${answer?.step ?? 'nothing to do'}`);
  return call(cast, trustee, 'POST', `/api/elections/${id}/trustee/decryption`, { message: answer.message });
}

/** A voter's device: fetch the kit, encrypt the choices, sign (the ballot never leaves this function but to the server). */
export async function makeBallot(cast: Cast, id: string, voter: string, choices: SlotChoice[]): Promise<string> {
  const kit = await ok<{ election: string; credential: string }>(call(cast, voter, 'GET', `/api/me/elections/${id}/ballot-kit`));
  return createBallot(loadElection(kit.election), kit.credential, plaintextFor(QUESTIONS, choices));
}

export const castBallot = (cast: Cast, id: string, voter: string, ballot: string) => call(cast, voter, 'POST', `/api/me/elections/${id}/ballots`, { ballot });

/** Yes to the strike, 青木 for chair, 信任 to 遠藤. */
export const SOME_CHOICES: SlotChoice[] = [{ picked: ['yes'] }, { picked: ['aoki'] }, { picked: ['yes'] }];

/** The error code of a refused request. */
export const codeOf = (a: HttpAnswer): string | undefined => a.json<{ error?: { code?: string } }>().error?.code;
