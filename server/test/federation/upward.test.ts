import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureReport, FigureTotals, InboxItem, MemberUnion, SentReport } from '@kumiai/shared';
import { createForm, submission, write } from '../sync/forms-support.ts';
import { openAs, type RawClient } from '../sync/support.ts';
import { api, linkUnion, publishItem, startTrio, sync, UNION_NAME, type Trio } from './support.ts';

let trio: Trio;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await trio.close();
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('federation: agreed figures upward (issue 20)', () => {
  it('sends exactly the previewed counts; the federation keeps per-union figures, totals and who has not reported; no member-level data reaches it', async () => {
    trio = await startTrio();
    const { federation, union, other } = trio;
    await linkUnion(trio);
    await linkUnion(trio, other);

    // A survey the union shares: a choice question and a free-text one (whose answers never go up).
    const { id: formId } = await createForm(union, 'K7Q-0001');
    const memA = await openAs(union, 'memA', clients);
    const secret = '名前K7Q-0200さんの残業が多すぎる';
    expect((await write(memA, [submission(union, { formId, memberId: 'memA', answers: { q1: 'good', q2: secret } })])).codes).toEqual([]);
    expect((await api(union, 'K7Q-0001', 'PUT', '/api/federation/link/sharing', { useDefaultAudience: false, sharedForms: ['nope'] })).json()).toMatchObject({ error: { code: 'federation_form_invalid' } });
    expect((await api(union, 'K7Q-0001', 'PUT', '/api/federation/link/sharing', { useDefaultAudience: false, sharedForms: [formId] })).statusCode).toBe(200);

    // A unified action and its participation count.
    const action = await publishItem(federation, { kind: 'action', title: '統一行動', question: '参加しますか' });
    await sync(union);
    expect((await api(union, 'K7Q-0010', 'PUT', `/api/federation/inbox/${action.id}/participation`, { count: 3 })).json<InboxItem>().participation).toBe(3);

    const preview = (await api(union, 'K7Q-0001', 'GET', '/api/federation/report/preview')).json<FigureReport>();
    expect(preview.union).toBe(UNION_NAME);
    expect(preview.figures).toEqual({
      membership: [
        { memberClass: 'part_time', unitKind: 'workplace', count: 2 },
        { memberClass: 'regular', unitKind: 'union', count: 1 },
        { memberClass: 'regular', unitKind: 'workplace', count: 2 },
      ],
      surveys: [{ title: '職場アンケート', audienceSize: 5, answered: 1, fields: [{ label: '満足度', counts: [{ option: '良い', count: 1 }, { option: '悪い', count: 0 }] }] }],
      actions: [{ itemId: action.id, participants: 3 }],
    });
    // Only admins preview and send.
    expect((await api(union, 'K7Q-0010', 'GET', '/api/federation/report/preview')).statusCode).toBe(403);

    const sent = (await api(union, 'K7Q-0001', 'POST', '/api/federation/report/send', {})).json<SentReport>();
    expect(sent).toMatchObject({ figures: preview.figures, deliveredAt: null });
    expect((await sync(union)).result).toMatchObject({ reportsDelivered: 1 });
    expect((await sync(union)).result).toMatchObject({ reportsDelivered: 0 });
    const log = (await api(union, 'K7Q-0001', 'GET', '/api/federation/report/sent')).json<{ reports: SentReport[] }>().reports;
    expect(log).toEqual([{ ...sent, deliveredAt: expect.any(Number) as number }]);

    const view = (await api(federation, 'FED-ADMIN-01', 'GET', '/api/federation/unions')).json<{ unions: MemberUnion[]; totals: FigureTotals; notReported: string[] }>();
    const mine = view.unions.find((u) => u.name === UNION_NAME)!;
    expect(mine.lastReport).toEqual({ at: sent.at, figures: sent.figures });
    expect(view.totals).toEqual({ members: 5, actions: [{ itemId: action.id, participants: 3 }] });
    expect(view.notReported).toEqual([view.unions.find((u) => u.name !== UNION_NAME)!.id]);
    // Officers of the federation only (federation.manage).
    expect(federation.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'federation.exchange' AND detail LIKE '%report%'").pluck().get()).toBe(1);

    // Every byte the federation holds: its database, WAL and every file of its data directory.
    const roster = union.db.prepare('SELECT name, employee_number FROM members').all() as { name: string; employee_number: string }[];
    expect(roster).toHaveLength(5);
    const files = filesUnder(federation.config.dataDir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    const bytes = files.map((f) => fs.readFileSync(f));
    for (const { name, employee_number } of roster) {
      for (const needle of [name, employee_number]) {
        for (const [i, b] of bytes.entries()) expect(b.includes(Buffer.from(needle, 'utf8')), `${needle} in ${files[i]}`).toBe(false);
      }
    }
    for (const b of bytes) expect(b.includes(Buffer.from('残業が多すぎる', 'utf8'))).toBe(false);
    // The check itself finds what is there: the union's name crossed (it is no personal data).
    expect(bytes.some((b) => b.includes(Buffer.from(UNION_NAME, 'utf8')))).toBe(true);
  });
});
