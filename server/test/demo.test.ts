import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { openDatabase } from '../src/db/database.ts';
import { cliSandbox } from './helpers.ts';
import { RawClient, startSyncServer, type SyncServer } from './sync/support.ts';

const sandbox = cliSandbox();
let server: SyncServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every table's row count: the demo's refusal must leave all of them as they were. */
function tableCounts(): string {
  const db = openDatabase(sandbox.dataDir);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return tables.map((t) => `${t}=${String(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())}`).join(' ');
  } finally {
    db.close();
  }
}

function login(role: 'officer' | 'member'): { employeeNumber: string; password: string } {
  const line = sandbox.out.find((l) => l.trimStart().startsWith(role))!;
  const match = /employee number (\S+)\s+password (\S+)/.exec(line)!;
  return { employeeNumber: match[1]!, password: match[2]! };
}

async function signIn(as: { employeeNumber: string; password: string }) {
  const res = await server!.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: as });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: String(res.headers['set-cookie']).split(';')[0]!, origin: server!.config.publicUrl };
}

describe('pnpm kumiai demo', () => {
  it('fills a fresh database with a union whose printed officer and member sign in and see it', async () => {
    expect(await runCli(['demo'])).toBe(0);
    const text = sandbox.out.join('\n');
    // Deterministic: the same union, people and counts on every run.
    expect(text).toContain('50 members (2 signed up), 4 notices (96 reads), a survey with 31 answers');
    expect(text).toContain('applications: 1 returned, 3 in_review, 1 approved, 1 paid, 1 rejected, 1 withdrawn, 1 draft');
    expect(text).toMatch(/officer {2}清水 翔太 {2}employee number 100003/);
    expect(text).toMatch(/admin {4}管理 一郎 {2}employee number 900001/);
    const officer = login('officer');
    const member = login('member');

    server = await startSyncServer({ KUMIAI_DATA_DIR: sandbox.dataDir }, { dataDir: sandbox.dataDir, keepData: true });
    expect(server.services.audit.verify()).toMatchObject({ ok: true });
    // The member pulls their notices over sync: the three to everyone and their branch's, one with the PDF.
    const headers = await signIn(member);
    const socket = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: headers.cookie } });
    const notices = [...(await socket.pullAll('notices')).docs.values()] as { title: string; attachments: { hash: string; type: string }[] }[];
    expect(notices.map((n) => n.title).sort()).toEqual(['2026年末一時金の要求を提出しました', '安全衛生委員会の報告', '東京支部 職場集会のお知らせ', '組合ニュース 第42号'].sort());
    const pdf = notices.find((n) => n.attachments.length > 0)!.attachments[0]!;
    expect(pdf.type).toBe('application/pdf');
    const reads = [...(await socket.pullAll('reads')).docs.values()];
    expect(reads).toHaveLength(1); // only the newsletter: three notices wait unread on their home
    const mine = [...(await socket.pullAll('submissions')).docs.values()] as { state: string; kind: string }[];
    expect(mine.filter((s) => s.kind === 'application').map((s) => s.state)).toEqual(['returned']);
    socket.close();
    // The attachment is a real PDF the member may download.
    const file = await server.app.inject({ method: 'GET', url: `/api/files/${pdf.hash}`, headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.rawPayload.toString('latin1')).toContain('%%EOF');

    // The officer (東京支部) has two applications waiting for them.
    const inbox = await server.app.inject({ method: 'GET', url: '/api/applications?state=in_review', headers: await signIn(officer) });
    expect(inbox.json<{ items: { mayAct: boolean }[] }>().items.filter((i) => i.mayAct)).toHaveLength(2);
  });

  it('runs on a database that setup alone has filled (and prints no admin: the union has one)', async () => {
    const pw = path.join(sandbox.dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '中部労働組合', '--admin', '009', '--password-file', pw])).toBe(0);
    sandbox.out.length = 0;
    expect(await runCli(['demo'])).toBe(0);
    expect(sandbox.out.join('\n')).toContain('Demo union "中部労働組合" is ready');
    expect(sandbox.out.some((l) => l.trimStart().startsWith('admin'))).toBe(false);
  });

  it('refuses a database with an imported roster, and changes nothing', async () => {
    const pw = path.join(sandbox.dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '中部労働組合', '--admin', '009', '--password-file', pw])).toBe(0);
    const members = path.join(sandbox.dataDir, 'members.csv');
    fs.writeFileSync(members, '社員番号,氏名,所属\n100001,佐藤 一郎,中部労働組合\n');
    expect(await runCli(['members', 'import', members])).toBe(0);
    const before = tableCounts();
    sandbox.out.length = 0;
    expect(await runCli(['demo'])).toBe(1);
    expect(sandbox.out.join('\n')).toContain('already holds data (1 members');
    expect(tableCounts()).toBe(before);
  });
});
