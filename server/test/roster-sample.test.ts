import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { eachSeededServer, seedMember, signIn } from './seed.ts';

const server = eachSeededServer();

type Report = { encoding: string; problems: unknown[]; warnings: unknown[]; toCreate: number; toUpdate: number };

async function sample(employeeNumber: string, encoding?: string) {
  const headers = await signIn(server(), employeeNumber);
  const res = await server().app.inject({ method: 'GET', url: `/api/members/import/sample.csv${encoding ? `?encoding=${encoding}` : ''}`, headers });
  return { res, headers };
}

async function dryRun(headers: Record<string, string>, body: Buffer) {
  const res = await server().app.inject({ method: 'POST', url: '/api/members/import?mode=dry-run', headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ report: Report }>().report;
}

describe('the sample roster', () => {
  it('in UTF-8 with a BOM is what the import accepts: a dry run of it as downloaded has no problem', async () => {
    // The sample must not name a member who exists: it would update them.
    await seedMember(server().db, { id: 'taken', employeeNumber: '900101', unitId: 'wA1' });
    const { res, headers } = await sample('000001');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('roster-sample-utf8.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('社員番号,氏名,フリガナ,所属,組合員区分,状態,加入日,メール,電話');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['WA1', 'WB1', 'WA1']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['900102', '900103', '900104']);
    const report = await dryRun(headers, res.rawPayload);
    expect(report).toMatchObject({ encoding: 'utf-8-bom', problems: [], warnings: [], toCreate: 3, toUpdate: 0 });
  });

  it('in Shift_JIS, the same rows, and a dry run has no problem', async () => {
    const utf8 = (await sample('000001')).res.rawPayload;
    const { res, headers } = await sample('000001', 'shift_jis');
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(res.rawPayload[0]).not.toBe(0xef);
    expect(iconv.decode(res.rawPayload, 'Shift_JIS')).toBe(utf8.subarray(3).toString('utf8'));
    const report = await dryRun(headers, res.rawPayload);
    expect(report).toMatchObject({ encoding: 'shift_jis', problems: [], toCreate: 3 });
  });

  it('names only units within the officer’s import scope, and is refused to who may not import', async () => {
    const { res, headers } = await sample('000010'); // officer of branch A
    const units = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[3]);
    expect(new Set(units)).toEqual(new Set(['WA1', 'BA']));
    expect((await dryRun(headers, res.rawPayload)).problems).toEqual([]);
    const member = await sample('000100');
    expect(member.res.statusCode).toBe(403);
    expect(member.res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
