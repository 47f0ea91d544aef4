import { afterEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { audience, openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';
import { createForm, submission, write } from './forms-support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
  for (let i = 1; i <= 6; i++) await seedMember(server.db, { id: `m${i}`, employeeNumber: `00090${i}`, unitId: i % 2 ? 'wA1' : 'wB1' });
}
const clientFor = (memberId: string) => openAs(server, memberId, clients);
const liveIds = async (client: RawClient, collection: string) => [...(await client.pullAll(collection)).docs.values()].filter((d) => !d._deleted).map((d) => d.id as string).sort();

describe('forms over sync', () => {
  it('reach their audience, drafts only their author, and the seeded templates everyone (without an author)', async () => {
    await setup();
    const { id: forA } = await createForm(server, '000010', { audience: audience({ units: ['bA'] }) });
    const { id: draft } = await createForm(server, '000010', { audience: audience({ units: ['bA'] }), status: 'draft' });
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    const offA = await clientFor('offA');
    const templates = ['tpl-bereavement', 'tpl-birth', 'tpl-marriage'];
    expect(await liveIds(memA, 'forms')).toEqual([...templates, forA].sort());
    expect(await liveIds(memB, 'forms')).toEqual(templates);
    expect(await liveIds(offA, 'forms')).toEqual([...templates, forA, draft].sort());
    const marriage = (await memA.pullAll('forms')).docs.get('tpl-marriage')!;
    expect(marriage).toMatchObject({ kind: 'application', title: '結婚祝金', authorId: null, authorName: null, version: 1, steps: [{ role: 'officer', level: 0 }, { role: 'officer', level: 1 }] });
    expect((marriage.fields as { id: string }[]).map((f) => f.id)).toEqual(['marriage_date', 'spouse_name', 'certificate', 'note']);
    // Devices cannot write forms.
    const reply = await memA.request('forms', 'masterWrite', [[{ assumedMasterState: marriage, newDocumentState: { ...marriage, title: '改ざん' } }]]);
    expect(reply.rejected?.[0]?.code).toBe('read_only');
    // Nor without saying what they edited: the master comes back as a conflict, and nothing changes.
    const blind = await memA.request('forms', 'masterWrite', [[{ newDocumentState: { ...marriage, title: '改ざん' } }]]);
    expect(blind.result).toMatchObject([{ id: 'tpl-marriage', title: '結婚祝金' }]);
    expect((await memA.pullAll('forms')).docs.get('tpl-marriage')).toEqual(marriage);
  });

  it('a named answer is stored with its history and comes back; nobody writes into another member’s answer or forges its state', async () => {
    await setup();
    const { id } = await createForm(server, '000001');
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    const doc = submission(server, { formId: id, memberId: 'memA', answers: { q1: 'good', q2: '=HYPERLINK("x")' } });
    expect((await write(memA, [doc])).codes).toEqual([]);
    const back = (await memA.pullAll('submissions')).docs.get(doc.id)!;
    expect(back).toMatchObject({ state: 'submitted', memberName: '名前000100', unitId: 'wA1', answers: { q1: 'good' }, submittedAt: server.clock.now() });
    expect(back.history).toEqual([{ at: server.clock.now(), action: 'submit', state: 'submitted', step: 0, actorId: 'memA', actorName: '名前000100', comment: null }]);
    // Another member's existing answer: refused without revealing it.
    expect((await write(memB, [{ ...doc, memberId: 'memB', answers: { q1: 'bad' } }])).codes).toEqual([`${doc.id} forbidden`]);
    expect((await write(memB, [{ ...doc, answers: { q1: 'bad' } }])).codes).toEqual([`${doc.id} forbidden`]);
    // An answer under another member's id that does not exist yet, or as another member.
    expect((await write(memB, [submission(server, { formId: id, memberId: 'memB', id: `${id}:m1`, answers: { q1: 'bad' } })])).codes).toEqual([`${id}:m1 forbidden_field id`]);
    expect((await write(memB, [submission(server, { formId: id, memberId: 'm2', answers: { q1: 'bad' } })])).codes).toEqual([`${id}:m2 forbidden_field memberId`]);
    expect(server.db.prepare('SELECT answers FROM submissions WHERE id = ?').pluck().get(doc.id)).toBe(JSON.stringify(doc.answers));
    // Not editable unless the survey allows it; bad answers and hidden forms are refused with their field.
    expect((await write(memA, [{ ...back, answers: { q1: 'bad' } }], back)).codes).toEqual([`${doc.id} not_editable`]);
    expect((await write(memB, [submission(server, { formId: id, memberId: 'memB', answers: { q1: 'maybe' } })])).codes).toEqual([`${id}:memB invalid_answer q1`]);
    const { id: hidden } = await createForm(server, '000010', { audience: audience({ units: ['bA'] }) });
    expect((await write(memB, [submission(server, { formId: hidden, memberId: 'memB', answers: { q1: 'good' } })])).codes).toEqual([`${hidden}:memB not_found`]);
  });

  it('a member cannot forge an application’s status or its server-set fields', async () => {
    await setup();
    const memA = await clientFor('memA');
    const base = submission(server, { formId: 'tpl-bereavement', memberId: 'memA', kind: 'application', id: 'app-forge', answers: { relation: 'parent', deceased_name: '山田 太郎', date_of_death: '2025-12-01' } });
    expect((await write(memA, [{ ...base, state: 'approved' }])).codes).toEqual(['app-forge forbidden_field state']);
    expect((await write(memA, [{ ...base, state: 'paid' }])).codes).toEqual(['app-forge forbidden_field state']);
    expect((await write(memA, [{ ...base, step: 1 }])).codes).toEqual(['app-forge forbidden_field step']);
    expect((await write(memA, [{ ...base, history: [{ at: 0, action: 'approve', state: 'approved', step: 0, actorId: 'offA', actorName: null, comment: null }] }])).codes).toEqual(['app-forge forbidden_field history']);
    expect(server.db.prepare("SELECT count(*) FROM submissions WHERE id = 'app-forge'").pluck().get()).toBe(0);
    // Submitting becomes in_review at step 0 on the server; a forged move afterwards is refused.
    expect((await write(memA, [base])).codes).toEqual([]);
    const stored = (await memA.pullAll('submissions')).docs.get('app-forge')!;
    expect(stored).toMatchObject({ state: 'in_review', step: 0, steps: 2, unitId: 'wA1' });
    expect((await write(memA, [{ ...stored, state: 'approved' }], stored)).codes).toEqual(['app-forge forbidden_field state']);
  });

  it('a survey answer after closing is refused with form_closed', async () => {
    await setup();
    const closesAt = server.clock.now() + 3600_000;
    const { id } = await createForm(server, '000001', { closesAt, allowEdit: true });
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    expect((await write(memA, [submission(server, { formId: id, memberId: 'memA', answers: { q1: 'good' } })])).codes).toEqual([]);
    server.clock.advance(3600_000);
    const late = await memB.request('submissions', 'masterWrite', [[{ newDocumentState: submission(server, { formId: id, memberId: 'memB', answers: { q1: 'good' } }) }]]);
    expect(late.rejected).toEqual([{ id: `${id}:memB`, code: 'form_closed', message: 'the survey is not open' }]);
    // Nor can an answer given in time be changed after closing, even where editing is allowed.
    const mine = (await memA.pullAll('submissions')).docs.get(`${id}:memA`)!;
    expect((await write(memA, [{ ...mine, answers: { q1: 'bad' } }], mine)).codes).toEqual([`${id}:memA form_closed`]);
    expect(server.db.prepare('SELECT count(*) FROM submissions WHERE form_id = ?').pluck().get(id)).toBe(1);
  });

  it('an anonymous answer cannot be linked to its member from the database', async () => {
    await setup();
    const { id } = await createForm(server, '000001', { anonymous: true });
    const db = server.db;
    const sequences = () => (db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'").get() ? db.prepare('SELECT * FROM sqlite_sequence ORDER BY name').all() : []);
    const sequenceBefore = JSON.stringify(sequences());
    // The table itself: no member, no time, no rowid, no trigger feeding the sync log.
    // `released`: whether a batch of at least 5 answers has been shown (never who, nor when).
    expect((db.prepare('PRAGMA table_info(survey_answers_anon)').all() as { name: string }[]).map((c) => c.name)).toEqual(['form_id', 'id', 'form_version', 'answers', 'released']);
    expect(() => db.prepare('SELECT rowid FROM survey_answers_anon').all()).toThrow(/no such column/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'survey_answers_anon'").pluck().get()).toBe(0);

    const members = ['memA', 'memB', 'm1', 'm2', 'm3'];
    for (const [i, member] of members.entries()) {
      const client = await clientFor(member);
      const doc = submission(server, { formId: id, memberId: member, anonymous: true, answers: { q1: i % 2 ? 'bad' : 'good', q2: `意見${i}` } });
      expect((await write(client, [doc])).codes).toEqual([]);
      // The device gets back only the mark.
      expect((await client.pullAll('submissions')).docs.get(doc.id)).toMatchObject({ answers: {}, anonymous: true, state: 'submitted', history: [] });
      // An anonymous answer is never changed.
      const mark = (await client.pullAll('submissions')).docs.get(doc.id)!;
      expect((await write(client, [{ ...mark, answers: { q1: 'bad' } }], mark)).codes).toEqual([`${doc.id} not_editable`]);
      server.clock.advance(60_000);
    }
    // A retried push of the same answer adds nothing (the master is the mark: a conflict, not a second answer).
    const memA = await clientFor('memA');
    await write(memA, [submission(server, { formId: id, memberId: 'memA', anonymous: true, answers: { q1: 'good', q2: '意見0' } })]);
    expect(db.prepare('SELECT count(*) FROM survey_answers_anon WHERE form_id = ?').pluck().get(id)).toBe(5);

    // Marks hold no answers and no events.
    expect(db.prepare("SELECT DISTINCT answers FROM submissions WHERE form_id = ?").pluck().all(id)).toEqual(['{}']);
    expect(db.prepare('SELECT count(*) FROM submission_events e JOIN submissions s ON s.id = e.submission_id WHERE s.form_id = ?').pluck().get(id)).toBe(0);
    // No value in any anonymous row is a member id, an employee number, or a time.
    const identities = new Set(db.prepare('SELECT id FROM members UNION SELECT employee_number FROM members').pluck().all() as string[]);
    const rows = db.prepare('SELECT * FROM survey_answers_anon WHERE form_id = ?').all(id) as Record<string, unknown>[];
    const values = rows.flatMap((r) => [...Object.values(r), ...Object.values(JSON.parse(r.answers as string) as Record<string, unknown>)]);
    for (const v of values) {
      expect(identities.has(String(v))).toBe(false);
      expect(typeof v === 'number' && v > 1_000_000).toBe(false);
    }
    // Keys are random (not ordered by arrival) and the table's on-disk order is by that key.
    expect(rows.map((r) => r.id).every((k) => /^[0-9a-f-]{36}$/.test(String(k)))).toBe(true);
    // Writing an anonymous row touches neither the sync log nor any sequence.
    const seq = db.prepare('SELECT seq FROM sync_meta').pluck().get();
    const docs = db.prepare('SELECT count(*) FROM sync_docs').pluck().get();
    db.prepare("INSERT INTO survey_answers_anon (form_id, id, form_version, answers) VALUES (?, 'probe', 1, '{}')").run(id);
    expect(db.prepare('SELECT seq FROM sync_meta').pluck().get()).toBe(seq);
    expect(db.prepare('SELECT count(*) FROM sync_docs').pluck().get()).toBe(docs);
    db.prepare("DELETE FROM survey_answers_anon WHERE id = 'probe'").run();
    expect(JSON.stringify(sequences())).toBe(sequenceBefore);
    // The results read only the anonymous table, and the officers' CSV has no member columns.
    const headers = await signIn(server, '000001');
    const csv = await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('満足度,ご意見');
    expect(lines).toHaveLength(6);
    for (const member of db.prepare('SELECT name, employee_number FROM members').all() as { name: string; employee_number: string }[]) {
      expect(csv.body).not.toContain(member.name);
      expect(csv.body).not.toContain(member.employee_number);
    }
  });
});
