import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { createForm, submission, write } from '../sync/forms-support.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';

let server: SyncServer | null = null;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

const NAME = '退会花子';
const NUMBER = '7301594';
const EMAIL = 'hanako.taikai@example.org';

async function union(dataDir?: string): Promise<SyncServer> {
  server = await startSyncServer({}, dataDir ? { dataDir, keepData: true } : {});
  await seedOrg(server);
  await seedMember(server.db, { id: 'leaver', employeeNumber: NUMBER, unitId: 'wA1' });
  server.db.prepare('UPDATE members SET name = ?, email = ? WHERE id = ?').run(NAME, EMAIL, 'leaver');
  const { id: formId } = await createForm(server, '000001');
  for (const member of ['leaver', 'memB']) {
    const client = await openAs(server, member, clients);
    expect((await write(client, [submission(server, { formId, memberId: member, answers: { q1: 'good', q2: `${member}の意見` } })])).codes).toEqual([]);
  }
  return server;
}

describe('each member’s data rights', () => {
  it('an officer over the member’s unit exports everything about them as a ZIP, audited, with nothing of any other member', async () => {
    const s = await union();
    const officer = await signIn(s, '000010');
    const res = await s.app.inject({ method: 'GET', url: '/api/members/leaver/data-export', headers: officer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(
      ['member.json', 'member.csv', 'roles.csv', 'history.csv', 'submissions.csv', 'submission_history.csv', 'read_receipts.csv', 'comments.csv', 'uploads.csv', 'sessions.csv', 'api_tokens.csv', 'push_subscriptions.csv', 'audit_entries.csv'].sort(),
    );
    const json = JSON.parse(strFromU8(files['member.json']!)) as { member: { name: string; employee_number: string; email: string }[]; submissions: { answers: string }[]; api_tokens: unknown[] };
    expect(json.member[0]).toMatchObject({ name: NAME, employee_number: NUMBER, email: EMAIL });
    expect(json.submissions.map((x) => JSON.parse(x.answers) as unknown)).toEqual([{ q1: 'good', q2: 'leaverの意見' }]);
    expect(json.api_tokens).toHaveLength(1);
    expect(strFromU8(files['member.csv']!)).toContain(NAME);
    // Nothing of another member: their ids, names, numbers, answers; no password hash of anyone.
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    for (const other of ['memB', 'memA', '名前000200', '000200', 'memBの意見', 'scrypt']) expect(everything).not.toContain(other);
    expect(s.db.prepare("SELECT actor_id, target FROM audit_log WHERE action = 'member.data_exported'").all()).toEqual([{ actor_id: 'offA', target: 'leaver' }]);

    // An officer of another branch, or the members themselves, get nothing.
    for (const who of ['000020', '000100']) {
      const refused = await s.app.inject({ method: 'GET', url: '/api/members/leaver/data-export', headers: await signIn(s, who) });
      expect([403, 404]).toContain(refused.statusCode);
      expect(refused.headers['content-type']).toMatch(/json/);
    }
  });

  it('after leaving + the retention period, name, number and contact are pseudonymised: counts kept, audit chain valid, no trace in the file or WAL', async () => {
    const s = await union();
    const dataDir = s.config.dataDir;
    const bytes = () => Buffer.concat(['kumiai.sqlite', 'kumiai.sqlite-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    const traces = () => [NAME, NUMBER, EMAIL].filter((needle) => bytes().includes(Buffer.from(needle)));
    expect(traces()).toEqual([NAME, NUMBER, EMAIL]);
    s.services.members.update(null, 'leaver', { status: 'left' });
    const members = s.db.prepare('SELECT count(*) FROM members').pluck().get();

    s.clock.advance(1094 * 24 * 3600 * 1000);
    await s.ops.tick();
    expect(s.db.prepare('SELECT name FROM members WHERE id = ?').pluck().get('leaver')).toBe(NAME);
    s.clock.advance(2 * 24 * 3600 * 1000);
    await s.ops.tick();
    const row = s.db.prepare('SELECT name, employee_number, email, phone, password_hash, status FROM members WHERE id = ?').get('leaver') as Record<string, unknown>;
    expect(row).toMatchObject({ email: null, phone: null, password_hash: null, status: 'left' });
    expect(row.name).toMatch(/^退会者-[0-9a-f]{10}$/);
    expect(s.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(members);
    expect(s.db.prepare("SELECT count(*) FROM submissions WHERE member_id = 'leaver'").pluck().get()).toBe(1);
    expect(s.services.audit.verify()).toMatchObject({ ok: true });
    expect(s.db.prepare("SELECT target FROM audit_log WHERE action = 'member.pseudonymised'").pluck().all()).toEqual(['leaver']);
    expect(traces()).toEqual([]);
    // Other members keep their data.
    expect(s.db.prepare("SELECT name FROM members WHERE id = 'memB'").pluck().get()).toBe('名前000200');
  });
});
