import { afterEach, describe, expect, it } from 'vitest';
import type { ArrearsRow, MyDuesYear, UnitTotals, YearSummary } from '@kumiai/shared';
import { startTestServer, type TestServer } from '../helpers.ts';
import { signIn } from '../seed.ts';
import { csvOf, flatRule, seedDues, upload, type Headers } from './support.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const get = async <T,>(headers: Headers, url: string): Promise<T> => {
  const res = await server.app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};
const sums = (t: UnitTotals[]) => Object.fromEntries(t.map((u) => [u.unitId, [u.accounts.general.expected, u.accounts.general.received, u.accounts.general.members]]));

/**
 * The fixture, by hand. Seven members pay 2,000 a month (flat):
 *   union: admin · branch A: viewA · workplace A1: offA, memA, treasA · branch B: — · workplace B1: offB, memB
 * April's check-off: everyone but memB; offB only 1,500. memB pays 2,000 in cash for April.
 * May's check-off: everyone but memB.
 */
describe('totals, arrears and exports', () => {
  it('match the hand-computed fixture, in scope only, and a rule never rewrites a recorded month', async () => {
    server = await startTestServer();
    const { admin, treasA } = await seedDues(server);
    await flatRule(server, admin, 2000);
    server.db.prepare("UPDATE members SET name = '=HYPERLINK(\"x\")' WHERE id = 'memA'").run();
    const header = '社員番号,組合費';
    const april = ['000001,2000', '000010,2000', '000020,1500', '000011,2000', '000100,2000', '000030,2000'];
    const may = ['000001,2000', '000010,2000', '000020,2000', '000011,2000', '000100,2000', '000030,2000'];
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf(header, april))).statusCode).toBe(200);
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-05', csvOf(header, may))).statusCode).toBe(200);
    const cash = await server.app.inject({ method: 'POST', url: '/api/dues/payments', headers: admin, payload: { memberId: 'memB', month: '2026-04', amount: 2000, method: 'cash' } });
    expect(cash.statusCode).toBe(200);

    const aprilTotals = await get<{ units: UnitTotals[] }>(admin, '/api/dues/totals?month=2026-04');
    expect(sums(aprilTotals.units)).toEqual({ u: [14000, 13500, 7], bA: [8000, 8000, 4], wA1: [6000, 6000, 3], bB: [4000, 3500, 2], wB1: [4000, 3500, 2] });
    // A branch treasurer sees their branch's subtree only.
    const branch = await get<{ units: UnitTotals[] }>(treasA, '/api/dues/totals?month=2026-04');
    expect(sums(branch.units)).toEqual({ bA: [8000, 8000, 4], wA1: [6000, 6000, 3] });

    const arrears = await get<{ members: ArrearsRow[] }>(admin, '/api/dues/arrears?asOf=2026-06');
    expect(arrears.members.map((a) => [a.memberId, a.outstanding, a.months, a.oldestMonth, a.ageMonths])).toEqual([
      ['offB', 500, 1, '2026-04', 2],
      ['memB', 2000, 1, '2026-05', 1],
    ]);
    expect((await get<{ members: ArrearsRow[] }>(treasA, '/api/dues/arrears?asOf=2026-06')).members).toEqual([]);

    const year = await get<YearSummary>(admin, '/api/dues/summary?year=2026&unit=bB');
    expect(year.total.general).toEqual({ expected: 8000, received: 5500 });
    expect(year.months.filter((m) => m.accounts.general.expected > 0).map((m) => [m.month, m.accounts.general.received])).toEqual([['2026-04', 3500], ['2026-05', 2000]]);

    // A member's own year (the tax note figure), and none of it for another member.
    const memB = await signIn(server, '000200');
    expect(await get<MyDuesYear>(memB, '/api/dues/me?year=2026')).toEqual({
      year: '2026',
      months: [{ month: '2026-04', account: 'general', expected: 2000, deducted: 0, paid: 2000 }, { month: '2026-05', account: 'general', expected: 2000, deducted: 0, paid: 0 }],
      total: { general: 2000, strike: 0 },
    });
    expect((await server.app.inject({ method: 'GET', url: '/api/dues/totals?month=2026-04', headers: memB })).statusCode).toBe(403);

    // Exports: UTF-8 with BOM, formula-safe, per member; per unit; audited.
    const csv = await server.app.inject({ method: 'GET', url: '/api/dues/export.csv?year=2026', headers: admin });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('社員番号,氏名,所属,月,勘定,予定額,控除額,直接納入額,未納額');
    expect(text).toContain(`000100,"'=HYPERLINK(""x"")",A1職場,2026-04,一般会計,2000,2000,0,0`);
    expect(text).toContain('000020,名前000020,B1職場,2026-04,一般会計,2000,1500,0,500');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 14);
    const units = await server.app.inject({ method: 'GET', url: '/api/dues/totals.csv?year=2026', headers: treasA });
    expect(units.rawPayload.subarray(3).toString('utf8').trim().split('\r\n')).toEqual([
      '単位,月,勘定,人数,予定額,収納額,差額',
      'A支部,2026-04,一般会計,4,8000,8000,0',
      'A1職場,2026-04,一般会計,3,6000,6000,0',
      'A支部,2026-05,一般会計,4,8000,8000,0',
      'A1職場,2026-05,一般会計,3,6000,6000,0',
    ]);
    expect(server.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'dues.exported'").pluck().get()).toBe(2);

    // Rules: a change from a recorded month is refused; from a later month it leaves recorded months as they were.
    const past = await server.app.inject({ method: 'POST', url: '/api/dues/rules', headers: admin, payload: { memberClass: 'regular', from: '2026-05', formula: { kind: 'flat', amount: 2500 } } });
    expect(past.statusCode).toBe(409);
    expect(past.json<{ error: { code: string } }>().error.code).toBe('dues_rule_past');
    await flatRule(server, admin, 2500, '2026-06');
    expect(sums((await get<{ units: UnitTotals[] }>(admin, '/api/dues/totals?month=2026-05')).units).u).toEqual([14000, 12000, 7]);
    // A treasurer of a branch cannot change the union's rules.
    const branchRule = await server.app.inject({ method: 'POST', url: '/api/dues/rules', headers: treasA, payload: { memberClass: 'regular', from: '2027-01', formula: { kind: 'flat', amount: 1 } } });
    expect(branchRule.statusCode).toBe(403);
  });

  it('keeps a strike fund as its own account when the union turns it on, and refuses it otherwise', async () => {
    server = await startTestServer();
    const { admin } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const strikeRule = { memberClass: 'regular', account: 'strike', from: '2026-01', formula: { kind: 'flat', amount: 300 } };
    const refused = await server.app.inject({ method: 'POST', url: '/api/dues/rules', headers: admin, payload: strikeRule });
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('dues_account_unknown');
    const header = '社員番号,組合費,闘争資金';
    const lines = ['000001,2000,300', '000010,2000,300', '000020,2000,0', '000011,2000,300', '000100,2000,300', '000200,2000,300', '000030,2000,300'];
    const early = await upload(server, admin, 'mode=dry-run&employer=本社&month=2026-04', csvOf(header, lines));
    expect(early.json<{ error: { code: string } }>().error.code).toBe('dues_account_unknown');

    const policy = await server.app.inject({ method: 'PUT', url: '/api/dues/policy', headers: admin, payload: { classDay: 'first', exemptWhen: 'prorate', prorateRounding: { mode: 'floor', unit: 10 }, strikeFund: true } });
    expect(policy.json()).toMatchObject({ strikeFund: true, exemptWhen: 'prorate' });
    expect((await server.app.inject({ method: 'POST', url: '/api/dues/rules', headers: admin, payload: strikeRule })).statusCode).toBe(200);
    // memA is exempt for 10 of April's 30 days: 2/3 of each account, rounded down to 10 yen.
    const badRange = await server.app.inject({ method: 'POST', url: '/api/dues/exemptions', headers: admin, payload: { memberId: 'memA', from: '2026-04-10', to: '2026-04-01', reason: '休職' } });
    expect(badRange.json<{ error: { code: string } }>().error.code).toBe('dues_exemption_invalid');
    expect((await server.app.inject({ method: 'POST', url: '/api/dues/exemptions', headers: admin, payload: { memberId: 'memA', from: '2026-04-01', to: '2026-04-10', reason: '休職' } })).statusCode).toBe(200);

    const applied = await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf(header, lines));
    expect(applied.statusCode).toBe(200);
    const report = applied.json<{ report: { totals: unknown; mismatches: { employeeNumber: string; account: string; deducted: number; expected: number }[] } }>().report;
    expect(report.totals).toEqual({ general: 14000, strike: 1800 });
    expect(report.mismatches.map((m) => [m.employeeNumber, m.account, m.deducted, m.expected])).toEqual([
      ['000020', 'strike', 0, 300],
      ['000100', 'general', 2000, 1330],
      ['000100', 'strike', 300, 200],
    ]);
    const totals = await get<{ units: UnitTotals[] }>(admin, '/api/dues/totals?month=2026-04');
    expect(totals.units.find((u) => u.unitId === 'u')?.accounts).toEqual({
      general: { expected: 6 * 2000 + 1330, received: 14000, members: 7 },
      strike: { expected: 6 * 300 + 200, received: 1800, members: 7 },
    });
  });
});
