import { describe, expect, it } from 'vitest';
import type { AuditEntryView, AuditPage } from '@kumiai/shared';
import { eachSeededServer, signIn } from './seed.ts';

const server = eachSeededServer();
const everyone = { all: true, units: [], roles: [], members: [] };
const HOUR = 3600 * 1000;

/** The clock starts at 2026-01-01 09:00 in Japan. Entries: offA grants nothing but writes notices; the admin grants a role; around midnight JST. */
async function history() {
  const s = server();
  const admin = await signIn(s, '000001');
  const offA = await signIn(s, '000010');
  const post = (headers: Record<string, string>, url: string, payload: Record<string, unknown>) => s.app.inject({ method: 'POST', url, headers, payload });
  // 2026-01-01 23:59:59.999 JST
  s.clock.advance(15 * HOUR - 1);
  expect((await post(offA, '/api/notices', { title: '=HYPERLINK("http://evil.example","見て")', body: '本文', audience: { ...everyone, all: false, units: ['bA'] } })).statusCode).toBe(201);
  // 2026-01-02 00:00 JST
  s.clock.advance(1);
  expect((await post(admin, '/api/roles', { memberId: 'memA', unitId: 'wA1', role: 'viewer' })).statusCode).toBeLessThan(300);
  s.clock.advance(HOUR);
  expect((await post(offA, '/api/notices', { title: '職場集会', body: '本文', audience: { ...everyone, all: false, units: ['bA'] } })).statusCode).toBe(201);
  return { admin, offA };
}

const list = async (headers: Record<string, string>, query = '') => {
  const res = await server().app.inject({ method: 'GET', url: `/api/audit${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
};
const actions = (entries: AuditEntryView[]) => entries.map((e) => e.action);

describe('the audit log for people', () => {
  it('filters by actor, by one or several actions, and by dates in union time (both days included)', async () => {
    const { admin } = await history();
    const all = await list(admin);
    expect(actions(all.entries)).toEqual(['notice.created', 'role.granted', 'notice.created']);
    expect(all.next).toBeNull();

    expect(actions((await list(admin, '?actor=offA')).entries)).toEqual(['notice.created', 'notice.created']);
    expect(actions((await list(admin, '?actor=admin')).entries)).toEqual(['role.granted']);
    expect(actions((await list(admin, '?action=role.granted')).entries)).toEqual(['role.granted']);
    expect(actions((await list(admin, '?action=role.granted,notice.created')).entries)).toHaveLength(3);
    expect((await list(admin, '?action=kiosk.registered')).entries).toEqual([]);
    // 23:59:59.999 on the 1st is the 1st; midnight is the 2nd, in Japan (UTC it is all the 1st).
    expect(actions((await list(admin, '?to=2026-01-01')).entries)).toEqual(['notice.created']);
    expect(actions((await list(admin, '?from=2026-01-02')).entries)).toEqual(['notice.created', 'role.granted']);
    expect(actions((await list(admin, '?from=2026-01-02&to=2026-01-02&actor=admin')).entries)).toEqual(['role.granted']);
    expect((await list(admin, '?from=2026-01-03')).entries).toEqual([]);
    const bad = await server().app.inject({ method: 'GET', url: '/api/audit?from=2026-02-30', headers: admin });
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const badAction = await server().app.inject({ method: 'GET', url: '/api/audit?action=x;DROP', headers: admin });
    expect(badAction.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('names the actor and the target', async () => {
    const { admin } = await history();
    const [notice, grant] = (await list(admin)).entries;
    expect(notice).toMatchObject({ actorId: 'offA', actorName: '名前000010', targetName: '職場集会', targetKind: 'notice' });
    expect(grant).toMatchObject({ actorId: 'admin', actorName: '名前000001', target: 'memA', targetName: '名前000100', targetKind: 'member' });
  });

  it('pages by `before` with `next`, filters kept', async () => {
    const s = server();
    const admin = await signIn(s, '000001');
    s.db.transaction(() => {
      for (let i = 0; i < 150; i += 1) s.services.audit.record(i % 2 === 0 ? 'offA' : 'admin', 'unit.renamed', 'wA1', { i });
    })();
    const first = await list(admin, '?actor=offA');
    expect(first.entries).toHaveLength(75);
    expect(first.next).toBeNull();
    const page1 = await list(admin);
    expect(page1.entries).toHaveLength(100);
    expect(page1.entries[0]).toMatchObject({ seq: 150, targetName: 'A1職場', targetKind: 'unit' });
    const page2 = await list(admin, `?before=${page1.next}`);
    expect(page2.entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    expect(page2.next).toBeNull();
  });

  it('exports a log larger than one export page (1000) whole, in order', async () => {
    const s = server();
    const admin = await signIn(s, '000001');
    s.db.transaction(() => {
      for (let i = 0; i < 2100; i += 1) s.services.audit.record('offA', 'unit.renamed', 'wA1', { i });
    })();
    const res = await s.app.inject({ method: 'GET', url: '/api/audit/export.csv?action=unit.renamed', headers: admin });
    const seqs = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(seqs).toEqual(Array.from({ length: 2100 }, (_, i) => 2100 - i));
  });

  it('exports the filtered list as CSV: UTF-8 with a BOM, formula cells neutralised, names, union time; the export is audited', async () => {
    const { admin } = await history();
    const res = await server().app.inject({ method: 'GET', url: '/api/audit/export.csv?actor=offA', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('番号,日時,操作者ID,操作者,操作,対象ID,対象,詳細');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^3,2026-01-02 01:00:00,offA,名前000010,notice.created,[0-9a-f-]+,職場集会,/);
    // The title is a formula: Excel must show it as text.
    expect(lines[2]).toContain(`,2026-01-01 23:59:59,offA,名前000010,notice.created,`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""見て"")"`);
    const last = (await list(admin)).entries[0]!;
    expect(last).toMatchObject({ action: 'audit.exported', actorId: 'admin', detail: { actor: 'offA' } });
    expect(server().services.audit.verify()).toMatchObject({ ok: true });
  });

  it('is refused to anyone but a union admin exactly as before (404), filters and export alike', async () => {
    await history();
    for (const who of ['000010', '000100']) {
      const headers = await signIn(server(), who);
      for (const url of ['/api/audit', '/api/audit?actor=admin', '/api/audit/export.csv']) {
        const res = await server().app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    }
    expect(server().db.prepare("SELECT count(*) FROM audit_log WHERE action = 'audit.exported'").pluck().get()).toBe(0);
  });
});
