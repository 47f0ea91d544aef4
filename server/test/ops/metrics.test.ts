import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedOrg, signIn } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';

const TOKEN = 'metrics-token-0123456789';
let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

/** Prometheus text format → samples by "name{labels}" (a small parser: enough to check what a scraper reads). */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return samples;
}

describe('/metrics and /healthz', () => {
  it('scrapes sockets, sync, refusals, HTTP by route pattern, database, backup age and event loop; never an id in a label', async () => {
    server = await startSyncServer({ KUMIAI_METRICS_TOKEN: TOKEN });
    await seedOrg(server);
    const memA = await openAs(server, 'memA', clients);
    await memA.pullAll('members');
    const own = (await memA.pullAll('members')).docs.get('memA')!;
    const refused = await memA.request('members', 'masterWrite', [[{ assumedMasterState: own, newDocumentState: { ...own, name: '改ざん' } }]]);
    expect(refused.rejected?.[0]?.code).toBe('forbidden_field');
    const admin = await signIn(server, '000001');
    await server.app.inject({ method: 'GET', url: '/api/members/memB', headers: admin });
    const before = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(before.json()).toMatchObject({ status: 'ok', database: 'ok', lastBackupAgeSeconds: null });
    await server.ops.backupNow();

    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const m = parse(text);
    expect(m.get('kumiai_sync_sockets_open')).toBe(1);
    expect(m.get('kumiai_sync_pull_duration_seconds_count{collection="members"}')).toBeGreaterThanOrEqual(2);
    expect(m.get('kumiai_sync_push_duration_seconds_count{collection="members"}')).toBe(1);
    expect(m.get('kumiai_sync_refused_writes_total{code="forbidden_field"}')).toBe(1);
    expect(m.get('kumiai_http_requests_total{method="GET",route="/api/members/:id",status="200"}')).toBe(1);
    expect(m.get('kumiai_db_size_bytes')).toBeGreaterThan(0);
    expect(m.has('kumiai_db_wal_size_bytes')).toBe(true);
    expect(m.get('kumiai_backup_last_good_age_seconds')).toBe(0);
    expect(m.get('kumiai_disk_free_bytes')).toBeGreaterThan(0);
    expect(m.has('kumiai_nodejs_eventloop_lag_p99_seconds')).toBe(true);
    // No member id, token or raw URL in any label.
    for (const needle of ['memA', 'memB', TOKEN, 'kumiai_']) expect([...m.keys()].some((k) => k.includes(`"${needle}`) || k.includes(`/${needle}`))).toBe(false);
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ database: 'ok', lastBackupAgeSeconds: 0 });
  });

  it('answers 404 without the right token, and always when no token is configured', async () => {
    server = await startSyncServer({ KUMIAI_METRICS_TOKEN: TOKEN });
    const none = await server.app.inject({ method: 'GET', url: '/metrics' });
    const wrong = await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456780' } });
    const unknown = await server.app.inject({ method: 'GET', url: '/no-such-page' });
    expect([none.statusCode, wrong.statusCode]).toEqual([404, 404]);
    expect(none.body).not.toMatch(/kumiai_/);
    expect(unknown.statusCode).toBe(404);
    await server.close();
    server = await startSyncServer({});
    expect((await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode).toBe(404);
  });

  it('refuses uploads with storage_full under the free-disk threshold, and truncates the WAL when idle', async () => {
    // A threshold no test machine reaches: the disk counts as nearly full.
    server = await startSyncServer({ KUMIAI_DISK_MIN_FREE_MB: String(1024 * 1024) });
    await seedOrg(server);
    const admin = await signIn(server, '000001');
    server.ops.readDiskFree();
    const res = await server.app.inject({ method: 'POST', url: '/api/uploads?name=a.pdf', headers: { ...admin, 'content-type': 'application/octet-stream' }, payload: Buffer.from('%PDF-1.4\n%%EOF\n') });
    expect(res.statusCode).toBe(507);
    expect(res.json()).toMatchObject({ error: { code: 'storage_full' } });
    expect(server.db.prepare('SELECT count(*) FROM uploads').pluck().get()).toBe(0);
    expect(fs.existsSync(path.join(server.config.dataDir, 'uploads'))).toBe(false);

    const wal = path.join(server.config.dataDir, 'kumiai.sqlite-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    server.ops.touch();
    await server.ops.tick(); // busy: not idle yet
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    server.clock.advance(10 * 60_000);
    await server.ops.tick();
    expect(fs.statSync(wal).size).toBe(0);
  });
});
