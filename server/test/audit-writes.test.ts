import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@kumiai/shared';
import { runCli } from '../src/cli/main.ts';
import type { AuditEntry } from '../src/features/audit/audit-service.ts';
import { ANONYMOUS_TIME_GRAIN_MS } from '../src/lib/mutate.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { japanesePdf } from './japanese-pdf.ts';
import { seedOrg, signIn } from './seed.ts';

/**
 * Issue 13, part 4: every privileged write goes through the mutation wrapper
 * and leaves one audit entry (notices and documents were not audited at all),
 * the chain still verifies, and the wrapper's anonymous mode records that an
 * action happened without anything that links it to who did it.
 * Through the real server on a real SQLite file.
 */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await seedOrg(server);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await server.close();
});

const audience = (units: string[]) => ({ all: false, units, roles: [], members: [] });
const entries = (action: string) => server.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action) as AuditEntry[];
const detail = (e: AuditEntry | undefined) => JSON.parse(e?.detail ?? 'null') as Record<string, unknown>;

describe('privileged writes are audited through the wrapper', () => {
  it('creating and editing a notice each leave one entry naming the officer; a refused edit leaves none', async () => {
    const offA = await signIn(server, '000010');
    const created = await server.app.inject({ method: 'POST', url: '/api/notices', headers: offA, payload: { title: '職場集会', body: '本文', audience: audience(['bA']) } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(entries('notice.created')).toMatchObject([{ actor_id: 'offA', target: id }]);
    expect(detail(entries('notice.created')[0])).toMatchObject({ title: '職場集会', status: 'published', audience: audience(['bA']) });

    const refused = await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: await signIn(server, '000020'), payload: { title: '乗っ取り', body: '本文', audience: audience(['bB']) } });
    expect(refused.statusCode).toBe(404);
    expect(entries('notice.updated')).toEqual([]);

    const edited = await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: offA, payload: { title: '職場集会(訂正)', body: '本文', audience: audience(['bA']) } });
    expect(edited.statusCode).toBe(200);
    expect(entries('notice.updated')).toMatchObject([{ actor_id: 'offA', target: id }]);
    expect(detail(entries('notice.updated')[0])).toMatchObject({ version: 2, title: '職場集会(訂正)', from: 'published', status: 'published' });
  });

  it('a folder, a document and its new version each leave one entry naming the officer', async () => {
    const offA = await signIn(server, '000010');
    const upload = async (name: string) => {
      const res = await server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...offA, 'content-type': 'application/octet-stream' }, payload: japanesePdf(name) });
      expect(res.statusCode).toBe(201);
      return res.json<{ hash: string; name: string; type: string; size: number }>();
    };
    const folder = await server.app.inject({ method: 'POST', url: '/api/folders', headers: offA, payload: { name: 'A支部の資料', audience: audience(['bA']) } });
    expect(folder.statusCode).toBe(201);
    const folderId = folder.json<{ id: string }>().id;
    const v1 = await upload('議事録.pdf');
    const doc = await server.app.inject({ method: 'POST', url: '/api/documents', headers: offA, payload: { folderId, title: '議事録', audience: audience(['bA']), file: v1 } });
    expect(doc.statusCode).toBe(201);
    const id = doc.json<{ id: string }>().id;
    const v2 = await upload('議事録-改.pdf');
    expect((await server.app.inject({ method: 'POST', url: `/api/documents/${id}/versions`, headers: offA, payload: { file: v2 } })).statusCode).toBe(201);

    expect(entries('folder.created')).toMatchObject([{ actor_id: 'offA', target: folderId }]);
    expect(entries('document.created')).toMatchObject([{ actor_id: 'offA', target: id }]);
    expect(detail(entries('document.created')[0])).toMatchObject({ title: '議事録', folderId, file: v1.hash });
    expect(entries('document.versioned')).toMatchObject([{ actor_id: 'offA', target: id }]);
    expect(detail(entries('document.versioned')[0])).toEqual({ version: 2, file: v2.hash });
  });

  it('the chain with these entries verifies, in the service and with `pnpm kumiai audit verify`', async () => {
    const offA = await signIn(server, '000010');
    for (const title of ['一', '二']) {
      expect((await server.app.inject({ method: 'POST', url: '/api/notices', headers: offA, payload: { title, body: '本文', audience: audience(['bA']) } })).statusCode).toBe(201);
    }
    expect((await server.app.inject({ method: 'POST', url: '/api/folders', headers: offA, payload: { name: '資料', audience: audience(['bA']) } })).statusCode).toBe(201);
    const total = server.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(entries('notice.created')).toHaveLength(2);
    expect(server.services.audit.verify()).toEqual({ ok: true, count: total });

    vi.stubEnv('KUMIAI_DATA_DIR', server.config.dataDir);
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await runCli(['audit', 'verify'])).toBe(0);
    expect(out.join('\n')).toContain(`intact: ${total} entries`);
  });
});

describe('the anonymous audit mode', () => {
  const actorOf = (memberId: string): Actor => server.services.actors.load(memberId)!;

  it('records that the action happened with no member id, no session and a time only to the day', async () => {
    const session = await signIn(server, '000010');
    server.clock.advance(13 * 3600_000 + 37 * 60_000 + 12_345);
    const now = server.clock.now();
    const offA = actorOf('offA');
    server.services.mutate(offA, { checks: [], audit: { action: 'export.created', target: 'election-1', detail: { kind: 'ballot' } } }, () => undefined);
    server.services.mutate(offA, { checks: [], audit: { action: 'export.created', target: 'election-1', detail: { kind: 'ballot' }, anonymous: true } }, () => undefined);

    const [named, anonymous] = entries('export.created');
    expect(named).toMatchObject({ actor_id: 'offA', at: now });
    expect(anonymous).toMatchObject({ actor_id: null, target: 'election-1', at: Math.floor(now / ANONYMOUS_TIME_GRAIN_MS) * ANONYMOUS_TIME_GRAIN_MS });
    expect(anonymous!.at).not.toBe(now);
    // Nothing in the row names the member: not their id, employee number or name, nor the session's cookie.
    const row = JSON.stringify(anonymous);
    const member = server.db.prepare('SELECT id, employee_number, name FROM members WHERE id = ?').get('offA') as { id: string; employee_number: string; name: string };
    for (const linking of [member.id, member.employee_number, member.name, session.cookie.split(';')[0]!.split('=')[1]!]) expect(row).not.toContain(linking);
    expect(server.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses an anonymous entry whose target or detail names its actor, and commits nothing', () => {
    const offA = actorOf('offA');
    const before = server.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    let changed = false;
    expect(() =>
      server.services.mutate(offA, { checks: [], audit: { action: 'export.created', target: null, detail: { voter: 'offA' }, anonymous: true } }, () => {
        server.db.prepare("UPDATE units SET name = 'changed' WHERE id = 'bA'").run();
        changed = true;
      }),
    ).toThrow(/names its actor/);
    expect(changed).toBe(true);
    expect(server.db.prepare("SELECT name FROM units WHERE id = 'bA'").pluck().get()).not.toBe('changed');
    expect(server.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
