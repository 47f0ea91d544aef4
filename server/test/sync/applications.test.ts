import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationPage } from '@kumiai/shared';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';
import { submission, write, type ApiErr } from './forms-support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** The seeded cast plus two workplace officers of A1 and a union treasurer. */
async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
  await seedMember(server.db, { id: 'offW', employeeNumber: '000030', unitId: 'wA1', roles: [['officer', 'wA1']] });
  await seedMember(server.db, { id: 'offW2', employeeNumber: '000031', unitId: 'wA1', roles: [['officer', 'wA1']] });
  await seedMember(server.db, { id: 'treas', employeeNumber: '000040', unitId: 'u', roles: [['treasurer', 'u']] });
  await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
}

async function uploadAs(employeeNumber: string, name: string, body = PNG) {
  const headers = await signIn(server, employeeNumber);
  const res = await server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<{ hash: string; name: string; type: string; size: number }>();
}

/** memA (or another) applies for 結婚祝金 with a photo, as a draft first and then submitted, over sync. */
async function apply(memberId = 'memA', employeeNumber = '000100') {
  const client = await openAs(server, memberId, clients);
  const photo = await uploadAs(employeeNumber, '婚姻届受理証明書.png', Buffer.concat([PNG, Buffer.from(memberId)]));
  const draft = submission(server, { formId: 'tpl-marriage', memberId, kind: 'application', state: 'draft', answers: { marriage_date: '2026-10-01' } });
  expect((await write(client, [draft])).codes).toEqual([]);
  const saved = (await client.pullAll('submissions')).docs.get(draft.id)!;
  expect(saved).toMatchObject({ state: 'draft', memberName: null, unitId: null, history: [] });
  const submitted = { ...saved, state: 'submitted', answers: { marriage_date: '2026-10-01', spouse_name: '山田 花子', certificate: [photo] } };
  expect((await write(client, [submitted], saved)).codes).toEqual([]);
  return { id: draft.id, client, photo };
}

async function act(as: string, id: string, body: Record<string, unknown>) {
  const headers = await signIn(server, as);
  return server.app.inject({ method: 'POST', url: `/api/applications/${id}/actions`, headers, payload: body });
}

describe('applications', () => {
  it('go through the chain: workplace officer, branch officer, treasurer pays; the applicant sees every change with its history', async () => {
    await setup();
    const { id, client } = await apply();
    expect((await client.pullAll('submissions')).docs.get(id)).toMatchObject({ state: 'in_review', step: 0, steps: 2, unitId: 'wA1', memberName: '名前000100' });
    const detail = (await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: await signIn(server, '000030') })).json<ApplicationDetail>();
    expect(detail.chain).toEqual([
      { step: 0, role: 'officer', unitId: 'wA1', unitName: 'A1職場', approvers: [{ id: 'offW', name: '名前000030' }, { id: 'offW2', name: '名前000031' }] },
      { step: 1, role: 'officer', unitId: 'bA', unitName: 'A支部', approvers: [{ id: 'offA', name: '名前000010' }] },
    ]);
    expect(detail).toMatchObject({ mayAct: true, actions: ['approve', 'return', 'reject'], answers: { spouse_name: '山田 花子' } });

    // The branch officer may look but not act before their step.
    const early = await act('000010', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 });
    expect([early.statusCode, early.json<ApiErr>().error.code]).toEqual([403, 'not_current_approver']);
    expect((await act('000030', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0, comment: '確認しました' })).statusCode).toBe(200);
    const second = await act('000010', id, { action: 'approve', expectedState: 'in_review', expectedStep: 1 });
    expect(second.json<ApplicationDetail>()).toMatchObject({ state: 'approved', actions: [] });
    // Officers do not pay; the union treasurer does.
    const officerPays = await act('000010', id, { action: 'pay', expectedState: 'approved', expectedStep: 0 });
    expect([officerPays.statusCode, officerPays.json<ApiErr>().error.code]).toEqual([403, 'forbidden']);
    expect((await act('000040', id, { action: 'pay', expectedState: 'approved', expectedStep: 0 })).json<ApplicationDetail>().state).toBe('paid');

    const mine = (await client.pullAll('submissions')).docs.get(id)!;
    expect(mine.state).toBe('paid');
    expect((mine.history as { action: string; state: string; step: number; actorName: string; comment: string | null }[]).map((h) => [h.action, h.state, h.step, h.actorName, h.comment])).toEqual([
      ['submit', 'in_review', 0, '名前000100', null],
      ['approve', 'in_review', 1, '名前000030', '確認しました'],
      ['approve', 'approved', 0, '名前000010', null],
      ['pay', 'paid', 0, '名前000040', null],
    ]);
    const audit = server.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'application.acted' AND target = ?").pluck().get(id);
    expect(audit).toBe(3);
  });

  it('a submit is pushed to the first approvers, each officer action to the applicant, an approval to the next step’s approvers', async () => {
    await setup();
    const sent: { endpoint: string; payload: Record<string, unknown> }[] = [];
    server.services.push.sender = (target, payload) => {
      sent.push({ endpoint: target.endpoint, payload: JSON.parse(payload) as Record<string, unknown> });
      return Promise.resolve({ statusCode: 201 });
    };
    const subscribe = server.db.prepare("INSERT INTO push_subscriptions (endpoint, member_id, p256dh, auth, created_at) VALUES (?, ?, 'k', 'a', 0)");
    for (const member of ['memA', 'offA', 'offB', 'offW', 'offW2']) subscribe.run(`https://fcm.googleapis.com/fcm/send/${member}`, member);
    // offW2 chose English; the others have chosen no language (Japanese).
    server.db.prepare("UPDATE members SET preferred_language = 'en' WHERE id = 'offW2'").run();
    const { id } = await apply();
    // Submitted from the device: the first step's approvers hear of it, each in their language, once it is stored.
    await server.services.push.settled();
    expect(sent.map((s) => [s.endpoint, s.payload.title, s.payload.url]).sort()).toEqual([
      ['https://fcm.googleapis.com/fcm/send/offW', '結婚祝金: 承認をお願いします', `/approvals/${id}`],
      ['https://fcm.googleapis.com/fcm/send/offW2', '結婚祝金: waiting for your approval', `/approvals/${id}`],
    ]);
    sent.length = 0;
    await act('000030', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 });
    await server.services.push.settled();
    expect(sent.map((s) => [s.endpoint, s.payload.type, s.payload.title, s.payload.url]).sort()).toEqual([
      ['https://fcm.googleapis.com/fcm/send/memA', 'application', '結婚祝金: 次の承認に進みました', `/submissions/${id}`],
      ['https://fcm.googleapis.com/fcm/send/offA', 'application', '結婚祝金: 承認をお願いします', `/approvals/${id}`],
    ]);
    sent.length = 0;
    await act('000010', id, { action: 'return', expectedState: 'in_review', expectedStep: 1, comment: '書類が不鮮明です' });
    await server.services.push.settled();
    expect(sent.map((s) => [s.endpoint, s.payload.title, s.payload.applicationId])).toEqual([['https://fcm.googleapis.com/fcm/send/memA', '結婚祝金: 差し戻されました', id]]);
  });

  it('two approvals of the same step at once: exactly one applies', async () => {
    await setup();
    const { id } = await apply();
    const [w1, w2] = [await signIn(server, '000030'), await signIn(server, '000031')];
    const body = { action: 'approve', expectedState: 'in_review', expectedStep: 0 };
    const results = await Promise.all([
      server.app.inject({ method: 'POST', url: `/api/applications/${id}/actions`, headers: w1, payload: body }),
      server.app.inject({ method: 'POST', url: `/api/applications/${id}/actions`, headers: w2, payload: body }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<ApiErr>().error.code).toBe('application_changed');
    expect(server.db.prepare("SELECT count(*) FROM submission_events WHERE submission_id = ? AND action = 'approve'").pluck().get(id)).toBe(1);
    expect(server.db.prepare('SELECT state, step FROM submissions WHERE id = ?').get(id)).toEqual({ state: 'in_review', step: 1 });
  });

  it('members cannot approve, outsiders get 404, and the applicant’s own officer role escalates the step', async () => {
    await setup();
    const { id } = await apply();
    // The applicant, and another member, cannot act; an officer of another branch cannot even see it.
    const own = await act('000100', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 });
    expect(own.statusCode).toBe(403);
    expect((await act('000101', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 })).statusCode).toBe(404);
    const offB = await signIn(server, '000020');
    expect((await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: offB })).statusCode).toBe(404);
    expect((await act('000020', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/applications', headers: offB })).json<ApplicationPage>().items).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: '/api/applications', headers: await signIn(server, '000101') })).statusCode).toBe(403);

    // offW applies: the other workplace officer approves step 0. With offW2 gone, step 0 escalates to the branch.
    server.db.prepare("UPDATE members SET status = 'left' WHERE id = 'offW2'").run();
    const { id: officers } = await apply('offW', '000030');
    const headers = await signIn(server, '000010');
    const detail = (await server.app.inject({ method: 'GET', url: `/api/applications/${officers}`, headers })).json<ApplicationDetail>();
    expect(detail.chain.map((c) => [c.unitId, c.approvers.map((a) => a.id)])).toEqual([['bA', ['offA']], ['bA', ['offA']]]);
    const self = await act('000030', officers, { action: 'approve', expectedState: 'in_review', expectedStep: 0 });
    expect([self.statusCode, self.json<ApiErr>().error.code]).toEqual([403, 'own_application']);
    expect((await act('000010', officers, { action: 'approve', expectedState: 'in_review', expectedStep: 0 })).statusCode).toBe(200);

    // The inbox: filters, "mine", and pages.
    const inbox = (query: string) => server.app.inject({ method: 'GET', url: `/api/applications${query}`, headers }).then((r) => r.json<ApplicationPage>());
    expect((await inbox('')).items.map((i) => i.id).sort()).toEqual([id, officers].sort());
    expect((await inbox('?mine=1')).items.map((i) => i.id)).toEqual([officers]);
    expect((await inbox('?step=0')).items.map((i) => i.id)).toEqual([id]);
    expect((await inbox('?unit=bB')).items).toEqual([]);
    const w = (await server.app.inject({ method: 'GET', url: '/api/applications?mine=1', headers: await signIn(server, '000030') })).json<ApplicationPage>();
    expect(w.items.map((i) => [i.id, i.mayAct, i.formTitle, i.employeeNumber])).toEqual([[id, true, '結婚祝金', '000100']]);
  });

  it('a step nobody holds up to the union goes to the union’s admins instead of waiting for no one', async () => {
    await setup();
    // The branch has no officer (offA left), and no officer is granted on the union either.
    server.db.prepare("UPDATE members SET status = 'left' WHERE id = 'offA'").run();
    const { id } = await apply();
    const detail = (await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: await signIn(server, '000001') })).json<ApplicationDetail>();
    expect(detail.chain.map((c) => [c.unitId, c.approvers.map((a) => a.id)])).toEqual([['wA1', ['offW', 'offW2']], ['u', ['admin']]]);
    expect((await act('000030', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 })).statusCode).toBe(200);
    const done = await act('000001', id, { action: 'approve', expectedState: 'in_review', expectedStep: 1 });
    expect([done.statusCode, done.json<ApplicationDetail>().state]).toEqual([200, 'approved']);
  });

  it('attachments: only the member’s own uploads; served to the applicant and reviewers of their unit only', async () => {
    await setup();
    const { id, photo } = await apply();
    const others = await uploadAs('000101', 'other.png', Buffer.concat([PNG, Buffer.from('other')]));
    const memA2 = await openAs(server, 'memA2', clients);
    const borrowed = submission(server, { formId: 'tpl-marriage', memberId: 'memA2', kind: 'application', answers: { marriage_date: '2026-10-01', spouse_name: '佐藤', certificate: [photo] } });
    expect((await write(memA2, [borrowed])).codes).toEqual([`${borrowed.id} invalid_answer certificate`]);
    const forged = { ...borrowed, answers: { ...borrowed.answers, certificate: [{ ...others, size: 1 }] } };
    expect((await write(memA2, [forged])).codes).toEqual([`${borrowed.id} invalid_answer certificate`]);

    const get = async (employeeNumber: string) => (await server.app.inject({ method: 'GET', url: `/api/files/${photo.hash}`, headers: await signIn(server, employeeNumber) })).statusCode;
    expect(await get('000100')).toBe(200); // the applicant
    expect(await get('000030')).toBe(200); // the workplace officer
    expect(await get('000010')).toBe(200); // the branch officer
    expect(await get('000040')).toBe(200); // the union treasurer
    expect(await get('000101')).toBe(404); // a colleague
    expect(await get('000020')).toBe(404); // another branch's officer
    const served = await server.app.inject({ method: 'GET', url: `/api/files/${photo.hash}`, headers: await signIn(server, '000030') });
    expect(served.headers['content-disposition']).toContain(encodeURIComponent('婚姻届受理証明書.png'));
    expect(served.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(id).toBeTruthy();
  });

  it('a returned application is fixed and submitted again from step 0; a member withdraws theirs', async () => {
    await setup();
    const { id, client } = await apply();
    const returned = await act('000030', id, { action: 'return', expectedState: 'in_review', expectedStep: 0, comment: '配偶者の氏名を戸籍どおりに' });
    expect(returned.json<ApplicationDetail>().state).toBe('returned');
    const back = (await client.pullAll('submissions')).docs.get(id)!;
    const fixed = { ...back, state: 'submitted', answers: { ...(back.answers as object), spouse_name: '山田 花子(旧姓 佐藤)' } };
    expect((await write(client, [fixed], back)).codes).toEqual([]);
    const again = (await client.pullAll('submissions')).docs.get(id)!;
    expect(again).toMatchObject({ state: 'in_review', step: 0 });
    // The template is narrowed to branch B meanwhile: memA can no longer apply with it, but can still withdraw.
    server.db.prepare(`UPDATE forms SET audience = '{"all":false,"units":["bB"],"roles":[],"members":[]}' WHERE id = 'tpl-marriage'`).run();
    const draft = submission(server, { formId: 'tpl-marriage', memberId: 'memA', kind: 'application', state: 'draft', answers: {} });
    expect((await write(client, [draft])).codes).toEqual([`${draft.id} not_found`]);
    expect((await write(client, [{ ...again, state: 'withdrawn' }], again)).codes).toEqual([]);
    expect(server.db.prepare('SELECT state FROM submissions WHERE id = ?').pluck().get(id)).toBe('withdrawn');
    const late = await act('000030', id, { action: 'approve', expectedState: 'in_review', expectedStep: 0 });
    expect([late.statusCode, late.json<ApiErr>().error.code]).toEqual([409, 'application_changed']);
  });
});
