import { expect, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ElectionDetail, ElectionInput, ElectionQuestion, TrusteeTask } from '@kumiai/shared';
import { trusteeAnswer, trusteeCert } from '@kumiai/shared/elections/trustee-device';
import { WORKPLACE_OFFICER } from './forms.ts';
import { ADMIN, issueCards, originOf } from './identity.ts';
import type { RunningServer } from './server.ts';


/** A commission member (or trustee) talking to the server as their device would: a request context with their session. */
export interface Official {
  name: string;
  request: APIRequestContext;
}

async function ok<T>(server: RunningServer, answer: Promise<APIResponse>): Promise<T> {
  const res = await answer;
  if (!res.ok()) throw new Error(`${res.url()}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function rootUnitId(request: APIRequestContext, server: RunningServer): Promise<string> {
  const { units } = (await (await request.get(`${server.url}/api/units`)).json()) as { units: { id: string; parentId: string | null }[] };
  const root = units.find((u) => u.parentId === null);
  if (!root) throw new Error('no root unit');
  return root.id;
}

async function memberIdOf(request: APIRequestContext, server: RunningServer, employeeNumber: string): Promise<string> {
  const { members } = (await (await request.get(`${server.url}/api/members?limit=500`)).json()) as { members: { id: string; employeeNumber: string }[] };
  const m = members.find((x) => x.employeeNumber === employeeNumber);
  if (!m) throw new Error(`no member ${employeeNumber}`);
  return m.id;
}

/**
 * The election commission: the admin (`page`, signed in) and the workplace officer
 * (signed in on a context of their own by activating their card through the API),
 * both holding 選挙管理委員 on the union; they are also the two trustees.
 */
export async function electionCommission(browser: Browser, page: Page, server: RunningServer): Promise<{ admin: Official; officer: Official; officerContext: BrowserContext; rootId: string }> {
  const rootId = await rootUnitId(page.request, server);
  for (const employeeNumber of [ADMIN.employeeNumber, WORKPLACE_OFFICER.employeeNumber]) {
    const memberId = await memberIdOf(page.request, server, employeeNumber);
    await ok(server, page.request.post(`${server.url}/api/roles`, { headers: originOf(server), data: { memberId, unitId: rootId, role: 'election_commissioner' } }));
  }
  const [card] = await issueCards(page.request, server, [WORKPLACE_OFFICER.employeeNumber]);
  if (!card) throw new Error('no card issued');
  const officerContext = await browser.newContext({ baseURL: server.url });
  await ok(server, officerContext.request.post(`${server.url}/api/auth/activate`, { headers: originOf(server), data: { code: card.code, password: WORKPLACE_OFFICER.password } }));
  return { admin: { name: 'admin', request: page.request }, officer: { name: 'officer', request: officerContext.request }, officerContext, rootId };
}

const post = <T>(server: RunningServer, who: Official, url: string, data: unknown = {}) => ok<T>(server, who.request.post(`${server.url}${url}`, { headers: originOf(server), data }));
const get = <T>(server: RunningServer, who: Official, url: string) => ok<T>(server, who.request.get(`${server.url}${url}`));
const task = (server: RunningServer, who: Official, id: string) => get<TrusteeTask>(server, who, `/api/elections/${id}/trustee`);

/** The commission member uploads an image (as the candidate editor does) and answers its hash, to set as a candidate's photo. */
export async function uploadPhoto(server: RunningServer, who: Official, name: string, png: Buffer): Promise<string> {
  const res = await ok<{ hash: string }>(server, who.request.post(`${server.url}/api/uploads?name=${encodeURIComponent(name)}`, { headers: { ...originOf(server), 'content-type': 'application/octet-stream' }, data: png }));
  return res.hash;
}

/**
 * Creates the election for the whole union, freezes the roll, names the trustees,
 * runs each trustee's key steps 1, 3 and 5 with the crypto library (their seeds
 * stay in this test, as on their devices) and opens it. Answers its id and the seeds.
 */
export async function openElection(server: RunningServer, commission: Official, trustees: Official[], input: ElectionInput, beforeOpen?: (id: string) => Promise<void>): Promise<{ id: string; seeds: Map<Official, string> }> {
  const { id } = await post<ElectionDetail>(server, commission, '/api/elections', input);
  await post(server, commission, `/api/elections/${id}/roll/freeze`);
  const memberIds = await Promise.all(trustees.map(async (t) => (await get<{ member: { id: string } }>(server, t, '/api/auth/me')).member.id));
  await ok(server, commission.request.put(`${server.url}/api/elections/${id}/trustees`, { headers: originOf(server), data: { memberIds, threshold: 2 } }));
  const seeds = new Map<Official, string>();
  for (const t of trustees) {
    const { seed, cert } = trusteeCert();
    seeds.set(t, seed);
    await post(server, t, `/api/elections/${id}/trustee/cert`, { message: cert });
  }
  for (const step of ['polynomial', 'voutput'] as const) {
    for (const t of trustees) {
      const answer = trusteeAnswer(await task(server, t, id), seeds.get(t)!);
      if (answer?.step !== step) throw new Error(`expected ${step}, got ${answer?.step ?? 'nothing to do'}`);
      await post(server, t, `/api/elections/${id}/trustee/${step}`, { message: answer.message });
    }
  }
  if (beforeOpen) await beforeOpen(id);
  await post(server, commission, `/api/elections/${id}/open`);
  return { id, seeds };
}

/**
 * The commission asks for the tally until the server's clock has passed the window's close
 * (before, it answers 409 election_wrong_state): the e2e server has no clock to move.
 */
export async function tallyWhenClosed(server: RunningServer, commission: Official, id: string, timeoutMs: number): Promise<void> {
  await expect
    .poll(async () => (await commission.request.post(`${server.url}/api/elections/${id}/tally`, { headers: originOf(server), data: {} })).status(), { timeout: timeoutMs, intervals: [1000] })
    .toBe(200);
}

/** After the tally: each trustee's partial decryption (with the seed kept on "their device"), then publication. */
export async function decryptAndPublish(server: RunningServer, commission: Official, seeds: Map<Official, string>, id: string): Promise<ElectionDetail> {
  for (const [t, seed] of seeds) {
    const answer = trusteeAnswer(await task(server, t, id), seed);
    if (answer?.step !== 'decryption') throw new Error(`expected decrypt, got ${answer?.step ?? 'nothing to do'}`);
    await post(server, t, `/api/elections/${id}/trustee/decryption`, { message: answer.message });
  }
  return post<ElectionDetail>(server, commission, `/api/elections/${id}/publish`);
}

/** A strike vote, a chair with two candidates and statements (one seat), and a 信任投票 of one candidate. */
export const VOTE_QUESTIONS: ElectionQuestion[] = [
  { id: 'strike', kind: 'yes_no', title: 'スト権の確立', titleEn: 'Strike mandate', options: [], threshold: 'two_thirds', base: 'valid', tie: 'not_approved' },
  {
    id: 'chair',
    kind: 'officer',
    title: '執行委員長',
    titleEn: 'President',
    seats: 1,
    options: [
      { id: 'aoki', name: '青木 一郎', nameEn: 'Ichiro Aoki', statement: '賃上げと安全な職場のために全力を尽くします。', statementEn: 'I will work for higher pay and a safe workplace.' },
      { id: 'baba', name: '馬場 花', statement: '若手の声を執行部に届けます。' },
    ],
    threshold: 'simple',
    base: 'valid',
    tie: 'lot',
  },
  { id: 'audit', kind: 'officer', title: '会計監査', titleEn: 'Auditor', seats: 1, options: [{ id: 'endo', name: '遠藤 健', statement: '組合費の使い道を確かめます。' }], threshold: 'simple', base: 'cast', tie: 'not_approved' },
];
