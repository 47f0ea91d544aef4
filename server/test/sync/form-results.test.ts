import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalStepSchema, formDefinitionProblems, formFieldSchema, validateAnswers, type FormField, type FormResults } from '@kumiai/shared';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { audience, openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';
import { createForm, formInput, submission, write, type ApiErr } from './forms-support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
  for (let i = 1; i <= 4; i++) await seedMember(server.db, { id: `m${i}`, employeeNumber: `00090${i}`, unitId: i % 2 ? 'wA1' : 'wB1' });
}

const everyType = [
  { id: 'choice', type: 'single_choice', label: { ja: '職種' }, required: true, options: [{ id: 'office', label: { ja: '事務' } }, { id: 'plant', label: { ja: '現業' } }] },
  { id: 'many', type: 'multiple_choice', label: { ja: '要求項目' }, options: [{ id: 'wage', label: { ja: '賃金' } }, { id: 'hours', label: { ja: '労働時間' } }, { id: 'leave', label: { ja: '休暇' } }] },
  { id: 'scale', type: 'scale', label: { ja: '満足度' }, min: 1, max: 5 },
  { id: 'num', type: 'number', label: { ja: '残業時間' }, min: 0, max: 200 },
  { id: 'text', type: 'short_text', label: { ja: 'ひとこと' } },
  { id: 'day', type: 'date', label: { ja: '希望日' } },
  { id: 'yes', type: 'yes_no', label: { ja: '参加しますか' } },
];

const answersOf = [
  { choice: 'office', many: ['wage', 'hours'], scale: 4, num: 10, text: '=SUM(A1:A9)', day: '2026-12-01', yes: true },
  { choice: 'plant', many: ['wage'], scale: 5, num: 20, text: '賃上げを!', yes: false },
  { choice: 'office', scale: 4, yes: true },
];

describe('form results and export', () => {
  it('count every field type, with response rates per unit the viewer may see', async () => {
    await setup();
    const { id, headers } = await createForm(server, '000001', { fields: everyType });
    for (const [i, member] of ['memA', 'memB', 'm1'].entries()) {
      const client = await openAs(server, member, clients);
      expect((await write(client, [submission(server, { formId: id, memberId: member, answers: answersOf[i]! })])).codes).toEqual([]);
    }
    const results = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers })).json<FormResults>();
    expect(results).toMatchObject({ audienceSize: 10, answered: 3, anonymous: false });
    expect(results.units.find((u) => u.unitId === 'wA1')).toEqual({ unitId: 'wA1', unitName: 'A1職場', members: 4, answered: 2 });
    const by = Object.fromEntries(results.results!.map((r) => [r.field, r]));
    expect(by.choice).toEqual({ field: 'choice', type: 'single_choice', answered: 3, counts: [{ option: 'office', count: 2 }, { option: 'plant', count: 1 }] });
    expect(by.many).toMatchObject({ answered: 2, counts: [{ option: 'wage', count: 2 }, { option: 'hours', count: 1 }, { option: 'leave', count: 0 }] });
    expect(by.scale).toMatchObject({ answered: 3, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 2 : value === 5 ? 1 : 0 })) });
    expect((by.scale as { mean: number }).mean).toBeCloseTo(13 / 3);
    expect(by.num).toEqual({ field: 'num', type: 'number', answered: 2, distribution: [{ value: 10, count: 1 }, { value: 20, count: 1 }], mean: 15 });
    expect(by.text).toEqual({ field: 'text', type: 'short_text', answered: 2, texts: ['=SUM(A1:A9)', '賃上げを!'] });
    expect(by.day).toMatchObject({ answered: 1, texts: ['2026-12-01'] });
    expect(by.yes).toMatchObject({ answered: 3, counts: [{ option: 'yes', count: 2 }, { option: 'no', count: 1 }] });
    // A branch officer sees the units of their branch only; a plain member nothing.
    const branch = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers: await signIn(server, '000010') }));
    expect(branch.statusCode).toBe(403); // a union-wide survey's results are the union's
    const { id: forA } = await createForm(server, '000001', { fields: everyType, audience: audience({ units: ['bA', 'bB'] }) });
    const partial = (await server.app.inject({ method: 'GET', url: `/api/forms/${forA}/results`, headers: await signIn(server, '000010') }));
    expect(partial.statusCode).toBe(403);
    const { id: own } = await createForm(server, '000010', { fields: everyType, audience: audience({ units: ['bA'] }) });
    const viewer = await server.app.inject({ method: 'GET', url: `/api/forms/${own}/results`, headers: await signIn(server, '000011') });
    expect(viewer.json<FormResults>().units.map((u) => u.unitId).sort()).toEqual(['bA', 'wA1']);
    expect((await server.app.inject({ method: 'GET', url: `/api/forms/${own}/results`, headers: await signIn(server, '000100') })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `/api/forms/${own}/results`, headers: await signIn(server, '000200') })).statusCode).toBe(404);
  });

  it('exports CSV with a BOM, Japanese intact and formula cells neutralised, and audits it', async () => {
    await setup();
    const { id, headers } = await createForm(server, '000001', { fields: everyType, title: '賃金アンケート' });
    for (const [i, member] of ['memA', 'memB'].entries()) {
      const client = await openAs(server, member, clients);
      expect((await write(client, [submission(server, { formId: id, memberId: member, answers: answersOf[i]! })])).codes).toEqual([]);
    }
    const csv = await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('社員番号,氏名,所属,提出日時,職種,要求項目,満足度,残業時間,ひとこと,希望日,参加しますか');
    expect(lines[1]).toBe(`000100,名前000100,A1職場,2026-01-01 09:00,事務,賃金 / 労働時間,4,10,'=SUM(A1:A9),2026-12-01,はい`);
    expect(lines[2]).toBe('000200,名前000200,B1職場,2026-01-01 09:00,現業,賃金,5,20,賃上げを!,,いいえ');
    expect(server.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'form.exported' AND target = ?").pluck().get(id)).toBe(1);
    const member = await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers: await signIn(server, '000100') });
    expect(member.statusCode).toBe(403);
  });

  it('withholds anonymous results under 5 answers, and shows them from 5', async () => {
    await setup();
    const { id, headers } = await createForm(server, '000001', { anonymous: true });
    const members = ['memA', 'memB', 'm1', 'm2', 'm3'];
    for (const [i, member] of members.entries()) {
      const results = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers })).json<FormResults>();
      expect(results).toMatchObject({ answered: i, results: null });
      const csv = await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers });
      expect([csv.statusCode, csv.json<ApiErr>().error.code]).toEqual([403, 'results_withheld']);
      const client = await openAs(server, member, clients);
      expect((await write(client, [submission(server, { formId: id, memberId: member, anonymous: true, answers: { q1: 'good' } })])).codes).toEqual([]);
    }
    const shown = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers })).json<FormResults>();
    expect(shown.results![0]).toMatchObject({ field: 'q1', answered: 5, counts: [{ option: 'good', count: 5 }, { option: 'bad', count: 0 }] });
    // Its questions no longer change: answer versions must not split the answerers into groups.
    const edit = await server.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers, payload: formInput({ anonymous: true, fields: [formInput().fields[0]] }) });
    expect([edit.statusCode, edit.json<ApiErr>().error.code]).toEqual([400, 'form_invalid']);
  });

  it('reminds, by push, the audience members in the officer’s scope who have not answered an open survey, anonymous ones too; audited', async () => {
    await setup();
    const sent: string[] = [];
    server.services.push.sender = (target, payload) => {
      sent.push(`${target.endpoint} ${(JSON.parse(payload) as { type: string; url: string }).type}`);
      return Promise.resolve({ statusCode: 201 });
    };
    const subscribe = server.db.prepare("INSERT INTO push_subscriptions (endpoint, member_id, p256dh, auth, created_at) VALUES (?, ?, 'k', 'a', 0)");
    for (const member of ['memA', 'memB', 'm1', 'm2']) subscribe.run(`https://fcm.googleapis.com/fcm/send/${member}`, member);
    const closesAt = server.clock.now() + 3600_000;
    // A survey for branches A and B; memA answers anonymously.
    const { id, headers } = await createForm(server, '000001', { anonymous: true, audience: audience({ units: ['bA', 'bB'] }), closesAt });
    const client = await openAs(server, 'memA', clients);
    expect((await write(client, [submission(server, { formId: id, memberId: 'memA', anonymous: true, answers: { q1: 'good' } })])).codes).toEqual([]);

    const reminded = await server.app.inject({ method: 'POST', url: `/api/forms/${id}/remind`, headers, payload: {} });
    expect(reminded.json()).toEqual({ members: 8 }); // the 9 members of branches A and B, all but memA
    await server.services.push.settled();
    expect(sent.sort()).toEqual(['https://fcm.googleapis.com/fcm/send/m1 form', 'https://fcm.googleapis.com/fcm/send/m2 form', 'https://fcm.googleapis.com/fcm/send/memB form']);
    const audit = server.db.prepare("SELECT detail FROM audit_log WHERE action = 'form.reminded' AND target = ?").pluck().get(id) as string;
    expect(JSON.parse(audit)).toEqual({ members: 8 });

    // A plain member may not; a closed survey is not reminded of.
    const member = await server.app.inject({ method: 'POST', url: `/api/forms/${id}/remind`, headers: await signIn(server, '000200'), payload: {} });
    expect(member.statusCode).toBe(403);
    server.clock.advance(3600_000);
    const late = await server.app.inject({ method: 'POST', url: `/api/forms/${id}/remind`, headers, payload: {} });
    expect([late.statusCode, late.json<ApiErr>().error.code]).toEqual([409, 'form_closed']);
  });

  it('editing a published form adds a version and keeps earlier answers valid under theirs; results merge by field id', async () => {
    await setup();
    const { id, headers } = await createForm(server, '000001');
    const memA = await openAs(server, 'memA', clients);
    expect((await write(memA, [submission(server, { formId: id, memberId: 'memA', answers: { q1: 'good', q2: '旧版の回答' } })])).codes).toEqual([]);
    const v1 = formInput().fields as FormField[];
    const v2 = [v1[0]!, { id: 'q3', type: 'yes_no', label: { ja: '組合集会に参加しますか' }, required: true }];
    const edited = await server.app.inject({ method: 'PUT', url: `/api/forms/${id}`, headers, payload: formInput({ fields: v2 }) });
    expect(edited.json()).toEqual({ id, version: 2 });
    const memB = await openAs(server, 'memB', clients);
    // The old version's answer now fails the new fields, but it is kept and valid under its own.
    const old = JSON.parse(server.db.prepare('SELECT answers FROM submissions WHERE id = ?').pluck().get(`${id}:memA`) as string) as Record<string, never>;
    expect(validateAnswers(v2 as FormField[], old)).not.toEqual([]);
    expect(validateAnswers(JSON.parse(server.db.prepare('SELECT fields FROM form_versions WHERE form_id = ? AND version = 1').pluck().get(id) as string) as FormField[], old)).toEqual([]);
    expect((await write(memB, [submission(server, { formId: id, memberId: 'memB', formVersion: 2, answers: { q1: 'bad', q3: true } })])).codes).toEqual([]);
    expect((await write(await openAs(server, 'm1', clients), [submission(server, { formId: id, memberId: 'm1', formVersion: 2, answers: { q1: 'bad' } })])).codes).toEqual([`${id}:m1 invalid_answer q3`]);
    const results = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers })).json<FormResults>();
    expect(results.fields.map((f) => f.id)).toEqual(['q1', 'q3']);
    expect(results.results).toEqual([
      { field: 'q1', type: 'single_choice', answered: 2, counts: [{ option: 'good', count: 1 }, { option: 'bad', count: 1 }] },
      { field: 'q3', type: 'yes_no', answered: 1, counts: [{ option: 'yes', count: 1 }, { option: 'no', count: 0 }] },
    ]);
    // The CSV keeps the removed field's column for the earlier answer.
    const csv = (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers })).body;
    expect(csv).toContain('満足度,組合集会に参加しますか,ご意見');
    expect(csv).toContain('旧版の回答');
    // Definitions are checked: problems, a survey with a chain, anonymous files, a change of kind, scope.
    const bad = async (as: string, payload: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') =>
      server.app.inject({ method, url: method === 'POST' ? '/api/forms' : `/api/forms/${id}`, headers: await signIn(server, as), payload: formInput(payload) });
    const dup = await bad('000001', { fields: [v1[0], v1[0]] });
    expect([dup.statusCode, dup.json<ApiErr>().error.code, dup.json<ApiErr>().error.problems]).toEqual([400, 'form_invalid', [{ field: 'q1', code: 'duplicate_id' }]]);
    expect((await bad('000001', { steps: [{ role: 'officer', level: 0 }] })).json<ApiErr>().error.code).toBe('form_invalid');
    expect((await bad('000001', { anonymous: true, fields: [{ id: 'f', type: 'file', label: { ja: '写真' } }] })).json<ApiErr>().error.code).toBe('form_invalid');
    expect((await bad('000001', { kind: 'application' }, 'PUT')).json<ApiErr>().error.code).toBe('form_invalid');
    expect((await bad('000001', { anonymous: true }, 'PUT')).json<ApiErr>().error.code).toBe('form_invalid');
    expect((await bad('000010', { audience: audience({ units: ['bB'] }) })).statusCode).toBe(403);
    expect((await bad('000100', { audience: audience({ units: ['wA1'] }) })).statusCode).toBe(403);
    expect((await bad('000010', {}, 'PUT')).statusCode).toBe(403);
    const archived = await server.app.inject({ method: 'POST', url: `/api/forms/${id}/archive`, headers });
    expect(archived.json()).toEqual({ id });
    expect((await write(await openAs(server, 'm2', clients), [submission(server, { formId: id, memberId: 'm2', formVersion: 2, answers: { q1: 'bad', q3: false } })])).codes).toEqual([`${id}:m2 form_closed`]);
  });

  it('the seeded templates pass the shared schemas and definition checks', async () => {
    await setup();
    const ajv = new Ajv({ strict: false });
    const fieldsValid = ajv.compile({ type: 'array', items: formFieldSchema });
    const stepsValid = ajv.compile({ type: 'array', items: approvalStepSchema });
    const rows = server.db.prepare("SELECT form_id, fields, steps FROM form_versions WHERE form_id LIKE 'tpl-%'").all() as { form_id: string; fields: string; steps: string }[];
    expect(rows.map((r) => r.form_id).sort()).toEqual(['tpl-bereavement', 'tpl-birth', 'tpl-marriage']);
    for (const row of rows) {
      const fields = JSON.parse(row.fields) as FormField[];
      expect(fieldsValid(fields), JSON.stringify(fieldsValid.errors)).toBe(true);
      expect(stepsValid(JSON.parse(row.steps)), JSON.stringify(stepsValid.errors)).toBe(true);
      expect(formDefinitionProblems(fields)).toEqual([]);
    }
    // A union admin edits a template (form.manage over everyone); a branch officer may not.
    const template = { kind: 'application', title: '結婚祝金', description: '改定', fields: JSON.parse(rows.find((r) => r.form_id === 'tpl-marriage')!.fields) as unknown, steps: [{ role: 'officer', level: 0 }], audience: audience({ all: true }), status: 'published', opensAt: 0, closesAt: null, anonymous: false, allowEdit: false };
    expect((await server.app.inject({ method: 'PUT', url: '/api/forms/tpl-marriage', headers: await signIn(server, '000010'), payload: template })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'PUT', url: '/api/forms/tpl-marriage', headers: await signIn(server, '000001'), payload: template })).json()).toEqual({ id: 'tpl-marriage', version: 2 });
  });
});
