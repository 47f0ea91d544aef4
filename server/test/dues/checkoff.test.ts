import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoffReport } from '@kumiai/shared';
import { startTestServer, type TestServer } from '../helpers.ts';
import { bulkMembers, csvOf, flatRule, seedDues, upload } from './support.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const count = (sql: string) => server.db.prepare(sql).pluck().get() as number;

describe('check-off import', () => {
  it('reports exactly the injected problems of a 10,000-member file, refuses to apply it, then applies the fixed file in one go', async () => {
    server = await startTestServer();
    const { admin } = await seedDues(server);
    const numbers = bulkMembers(server, 10_000, (i) => (i % 2 === 0 ? 'wA1' : 'wB1'), (i) => (i % 10 === 9 ? 'associate' : 'regular'));
    await flatRule(server, admin, 2000);
    // 準組合員: 1.8 % of base pay, floor 1,000, cap 5,000, rounded down to 10 yen.
    const rate = await server.app.inject({
      method: 'POST', url: '/api/dues/rules', headers: admin,
      payload: { memberClass: 'associate', from: '2026-01', formula: { kind: 'rate', numerator: 18, denominator: 1000, floor: 1000, cap: 5000, rounding: { mode: 'floor', unit: 10 } } },
    });
    expect(rate.statusCode).toBe(200);
    // m4 is on 育休 all of April: nothing expected, and absent from the file without being reported missing.
    expect((await server.app.inject({ method: 'POST', url: '/api/dues/exemptions', headers: admin, payload: { memberId: 'm4', from: '2026-03-15', to: '2026-05-10', reason: '育休' } })).statusCode).toBe(200);

    const staff = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    const wrong = new Set(['E000100', 'E000200', 'E000300']);
    const missing = ['E000011', 'E000022', 'E000033', 'E000044'];
    const lines: string[] = staff.map((no) => `${no},2000,`);
    numbers.forEach((no, i) => {
      if (missing.includes(no) || no === 'E000004') return;
      if (i % 10 === 9) lines.push(`${no},${Math.floor((250_000 + i) * 18 / 1000 / 10) * 10},${250_000 + i}`);
      else lines.push(`${no},${wrong.has(no) ? '"1,500"' : '2000'},`);
    });
    const good = [...lines];
    // Injected: two unknown numbers, a duplicate, a malformed amount, a short row.
    lines.splice(100, 0, 'X999001,2000,');
    lines.splice(200, 0, 'E000050,2000,');
    lines.splice(300, 0, 'E000011,abc,');
    lines.splice(400, 0, 'X999002,2000,');
    lines.splice(500, 0, 'E000070');
    const header = '社員番号,組合費,基本給';
    // Line numbers: the header is line 1, lines[i] is line i + 2.
    const lineOf = (text: string, from = 0) => lines.indexOf(text, from) + 2;

    const dry = await upload(server, admin, 'mode=dry-run&employer=本社&month=2026-04', csvOf(header, lines));
    expect(dry.statusCode).toBe(200);
    const { report } = dry.json<{ report: CheckoffReport }>();
    expect(report.encoding).toBe('utf-8-bom');
    expect(report.mapping).toEqual({ employer: '本社', employeeNumber: '社員番号', amount: '組合費', basePay: '基本給', strikeAmount: null });
    expect(report.problems).toEqual([
      { line: lineOf('X999001,2000,'), code: 'unmatched', employeeNumber: 'X999001' },
      { line: lineOf('E000050,2000,', lines.indexOf('E000050,2000,') + 1), code: 'duplicate', employeeNumber: 'E000050', firstLine: lineOf('E000050,2000,') },
      { line: lineOf('E000011,abc,'), code: 'malformed', employeeNumber: 'E000011', detail: 'An amount is not a whole number of yen' },
      { line: lineOf('X999002,2000,'), code: 'unmatched', employeeNumber: 'X999002' },
      { line: lineOf('E000070'), code: 'malformed', detail: 'Expected 3 columns, got 1' },
    ]);
    expect(report.mismatches.map((m) => [m.employeeNumber, m.deducted, m.expected])).toEqual([
      ['E000100', 1500, 2000],
      ['E000200', 1500, 2000],
      ['E000300', 1500, 2000],
    ]);
    expect(report.missing.map((m) => [m.employeeNumber, m.expected])).toEqual(missing.map((no) => [no, 2000]));
    expect(report.blocked).toBe(true);
    expect(report.rows).toBe(lines.length);

    const refused = await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf(header, lines));
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string; report: CheckoffReport } }>().error).toMatchObject({ code: 'checkoff_has_problems', report: { problems: report.problems } });
    expect(count('SELECT count(*) FROM dues_payments') + count('SELECT count(*) FROM dues_records') + count('SELECT count(*) FROM audit_log WHERE action LIKE \'dues.checkoff%\'')).toBe(0);

    const applied = await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf(header, good));
    expect(applied.statusCode).toBe(200);
    const done = applied.json<{ report: CheckoffReport }>().report;
    expect(done).toMatchObject({ blocked: false, replaced: false, matched: good.length, problems: [] });
    expect(done.mismatches).toHaveLength(3);
    expect(count("SELECT count(*) FROM dues_records WHERE month = '2026-04'")).toBe(10_000 + 7 - 1); // everyone but m4 (exempt, absent)
    expect(count("SELECT sum(expected) - sum(deducted) FROM dues_records WHERE month = '2026-04'")).toBe(3 * 500 + 4 * 2000);
    const audit = server.db.prepare("SELECT detail FROM audit_log WHERE action = 'dues.checkoff_applied'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([{ employer: '本社', month: '2026-04', rows: good.length, matched: good.length, mismatches: 3, missing: 4, replaced: false }]);
  });

  it('reads a Shift_JIS file with the employer’s own headers, remembers them, and a re-import replaces the month', async () => {
    server = await startTestServer();
    const { admin } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const sjis = (rows: string[]) => iconv.encode(['従業員コード,氏名,控除（組合）', ...rows].join('\r\n'), 'cp932');
    const all = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    const first = await upload(server, admin, `mode=apply&employer=${encodeURIComponent('工場')}&month=2026-04&employeeNumber=${encodeURIComponent('従業員コード')}&amount=${encodeURIComponent('控除（組合）')}`,
      sjis(all.map((no) => `${no},髙橋,${no === '000020' ? 1500 : 2000}`)));
    expect(first.statusCode).toBe(200);
    expect(first.json<{ report: CheckoffReport }>().report).toMatchObject({ encoding: 'shift_jis', matched: 7, replaced: false });
    // Next time the mapping is remembered; the same month again replaces, never adds.
    const again = await upload(server, admin, `mode=apply&employer=${encodeURIComponent('工場')}&month=2026-04`, sjis(all.map((no) => `${no},髙橋,2000`)));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ report: CheckoffReport }>().report).toMatchObject({ matched: 7, replaced: true, mismatches: [] });
    expect(count("SELECT sum(amount) FROM dues_payments WHERE month = '2026-04'")).toBe(14_000);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'offB:2026-04:general'")).toBe(2000);
    expect(count('SELECT count(*) FROM dues_imports')).toBe(1);
  });

  it('never lets a branch treasurer replace an import that covers other branches', async () => {
    server = await startTestServer();
    const { admin, treasA } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const all = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf('社員番号,組合費', all.map((no) => `${no},2000`)))).statusCode).toBe(200);
    const before = server.db.prepare('SELECT id, member_id, amount FROM dues_payments ORDER BY id').all();
    const branch = await upload(server, treasA, 'mode=apply&employer=本社&month=2026-04', csvOf('社員番号,組合費', ['000100,2000', '000010,2000', '000011,2000', '000030,2000']));
    expect(branch.statusCode).toBe(403);
    expect(server.db.prepare('SELECT id, member_id, amount FROM dues_payments ORDER BY id').all()).toEqual(before);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'memB:2026-04:general'")).toBe(2000);
    // Their own employer's file for their branch is theirs to replace.
    const own = (rows: string[]) => upload(server, treasA, 'mode=apply&employer=A工場&month=2026-04', csvOf('社員番号,組合費', rows));
    expect((await own(['000100,1000'])).statusCode).toBe(200);
    expect((await own(['000100,500'])).json<{ report: CheckoffReport }>().report.replaced).toBe(true);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'memA:2026-04:general'")).toBe(2500);
  });

  it('replaces an import whose members have left since, and recomputes their month too', async () => {
    server = await startTestServer();
    const { admin } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const file = (nos: string[]) => csvOf('社員番号,組合費', nos.map((no) => `${no},2000`));
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', file(['000001', '000100', '000200']))).statusCode).toBe(200);
    server.db.prepare("UPDATE members SET status = 'left' WHERE id = 'memB'").run();
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', file(['000001', '000100']))).statusCode).toBe(200);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'memB:2026-04:general'")).toBe(0);
    expect(count("SELECT count(*) FROM dues_payments WHERE member_id = 'memB'")).toBe(0);
  });

  it('reads corrections made in the app to reported rows, on dry run and apply, and refuses one for a line the file lacks', async () => {
    server = await startTestServer();
    const { admin } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const all = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    // Line 3 has a mistyped number (000O10 for 000010), line 6 a wrong amount.
    const file = csvOf('社員番号,組合費', all.map((no, i) => `${i === 1 ? '000O10' : no},${i === 4 ? 200 : 2000}`));
    const report = async (query: string) => (await upload(server, admin, `employer=本社&month=2026-04&${query}`, file)).json<{ report: CheckoffReport }>().report;
    const raw = await report('mode=dry-run');
    expect(raw.problems).toEqual([{ line: 3, code: 'unmatched', employeeNumber: '000O10' }]);
    expect(raw.mismatches.map((x) => [x.line, x.deducted, x.expected])).toEqual([[6, 200, 2000]]);
    // One correction (a single `fix`, sent as a string) clears the problem; the amount is still reported.
    const one = await report(`mode=dry-run&fix=${encodeURIComponent('3:employeeNumber:000010')}`);
    expect(one).toMatchObject({ problems: [], blocked: false, matched: 7, fixed: 1 });
    expect(one.mismatches.map((x) => x.line)).toEqual([6]);
    const fixes = `fix=${encodeURIComponent('3:employeeNumber:000010')}&fix=${encodeURIComponent('6:amount:2,000')}`;
    expect(await report(`mode=dry-run&${fixes}`)).toMatchObject({ problems: [], mismatches: [], fixed: 2 });
    // Apply without the corrections is refused; with them, the corrected cells are what is recorded.
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', file)).statusCode).toBe(400);
    expect(count('SELECT count(*) FROM dues_payments')).toBe(0);
    const before = count('SELECT count(*) FROM audit_log');
    const stale = await upload(server, admin, `mode=apply&employer=本社&month=2026-04&${fixes}&fix=${encodeURIComponent('99:amount:2000')}`, file);
    expect(stale.statusCode).toBe(400);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('checkoff_fix_invalid');
    const noColumn = await upload(server, admin, `mode=dry-run&employer=本社&month=2026-04&fix=${encodeURIComponent('3:basePay:300000')}`, file);
    expect(noColumn.json<{ error: { code: string } }>().error.code).toBe('checkoff_fix_invalid');
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
    expect(count('SELECT count(*) FROM dues_payments')).toBe(0);
    const applied = await upload(server, admin, `mode=apply&employer=本社&month=2026-04&${fixes}`, file);
    expect(applied.statusCode).toBe(200);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'offA:2026-04:general'")).toBe(2000);
    expect(count("SELECT deducted FROM dues_records WHERE id = 'memA:2026-04:general'")).toBe(2000);
    expect(count("SELECT sum(amount) FROM dues_payments WHERE month = '2026-04'")).toBe(14_000);
    expect(count("SELECT json_extract(detail, '$.fixed') FROM audit_log WHERE action = 'dues.checkoff_applied'")).toBe(2);
  });

  it('answers a broken file with a code and changes nothing', async () => {
    server = await startTestServer();
    const { admin, treasA } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const before = count('SELECT count(*) FROM audit_log');
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) >>> 24;
    const binary = await upload(server, admin, 'mode=apply&employer=x&month=2026-04', junk);
    expect(binary.statusCode).toBe(400);
    expect(binary.json<{ error: { code: string } }>().error.code).toMatch(/^csv_(not_text|unsupported_encoding)$/);
    const noColumns = await upload(server, admin, 'mode=apply&employer=x&month=2026-04', csvOf('名前,備考', ['a,b']));
    expect(noColumns.json<{ error: { code: string } }>().error.code).toBe('checkoff_columns_missing');
    const unclosed = await upload(server, admin, 'mode=apply&employer=x&month=2026-04', csvOf('社員番号,組合費', ['000001,"2000', '000010,2000']));
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json<{ error: { code: string } }>().error.code).toBe('checkoff_has_problems');
    const badMonth = await upload(server, admin, 'mode=apply&employer=x&month=2026-13', csvOf('社員番号,組合費', ['000001,2000']));
    expect(badMonth.statusCode).toBe(400);
    // A branch treasurer's import sees only their branch: a union-wide file has unmatched rows for them.
    const branch = await upload(server, treasA, 'mode=dry-run&employer=x&month=2026-04', csvOf('社員番号,組合費', ['000100,2000', '000200,2000']));
    expect(branch.json<{ report: CheckoffReport }>().report.problems).toEqual([{ line: 3, code: 'unmatched', employeeNumber: '000200' }]);
    const member = await upload(server, { cookie: '', origin: server.config.publicUrl }, 'mode=dry-run&employer=x&month=2026-04', csvOf('社員番号,組合費', ['000100,2000']));
    expect(member.statusCode).toBe(401);
    expect(count('SELECT count(*) FROM dues_payments') + count('SELECT count(*) FROM dues_records') + count('SELECT count(*) FROM dues_employers')).toBe(0);
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
  });
});
