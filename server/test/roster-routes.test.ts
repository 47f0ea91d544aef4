import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { seedUnits as seedRosterUnits, U } from './fixtures/roster/seed.ts';
import { seedMember, seedOrg, signIn } from './seed.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures/roster', name));

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const upload = (headers: Record<string, string>, url: string, body: Buffer) =>
  server.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });

describe('import routes', () => {
  it('dry-runs then applies a Shift_JIS roster over HTTP, audited', async () => {
    server = await startTestServer();
    seedRosterUnits(server.db);
    await seedMember(server.db, { id: 'admin', employeeNumber: '000001', unitId: U.root, roles: [['admin', U.root]] });
    const admin = await signIn(server, '000001');
    const units = await upload(admin, '/api/units/import?mode=apply', fixture('units.csv'));
    expect(units.statusCode).toBe(200);
    const before = server.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
    const dry = await upload(admin, '/api/members/import?mode=dry-run', fixture('members-sjis.csv'));
    expect(dry.statusCode).toBe(200);
    const { report } = dry.json<{ report: { encoding: string; problems: unknown[]; toCreate: number } }>();
    expect(report.encoding).toBe('shift_jis');
    expect(report.problems).toEqual([]);
    expect(report.toCreate).toBeGreaterThan(0);
    expect(server.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(before);

    const applied = await upload(admin, '/api/members/import?mode=apply', fixture('members-sjis.csv'));
    expect(applied.json()).toMatchObject({ created: report.toCreate, updated: 0 });
    expect(server.db.prepare("SELECT name FROM members WHERE employee_number = '200001'").pluck().get()).toBe('髙橋 誠一');
    expect(server.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all()).toEqual(['units.imported', 'members.imported']);
  });

  it('refuses to apply a file with problems and returns the report with line numbers', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const admin = await signIn(server, '000001');
    const res = await upload(admin, '/api/members/import?mode=apply', fixture('members-bad-rows.csv'));
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; report: { problems: { line: number; code: string }[] } } }>();
    expect(body.error.code).toBe('csv_has_problems');
    expect(body.error.report.problems.length).toBeGreaterThan(3);
    expect(body.error.report.problems.every((p) => p.line > 1)).toBe(true);
    expect(server.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('gives a 20 MB junk file a clear error and changes nothing', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const admin = await signIn(server, '000001');
    const junk = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) >>> 24;
    const res = await upload(admin, '/api/members/import?mode=dry-run', junk);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'csv_too_large' } });
  });

  it('lets only importers import, within their scope', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const member = await signIn(server, '000100');
    expect((await upload(member, '/api/members/import?mode=dry-run', fixture('members-utf8.csv'))).statusCode).toBe(403);
    const officer = await signIn(server, '000020'); // branch B
    const res = await upload(officer, '/api/members/import?mode=dry-run', Buffer.from('社員番号,氏名,所属\n777777,新人,WA1\n'));
    expect(res.json<{ report: { problems: { code: string }[] } }>().report.problems.map((p) => p.code)).toEqual(['unit_out_of_scope']);
  });
});
