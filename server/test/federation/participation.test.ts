import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureReport, FigureTotals, InboxItem, MemberUnion } from '@kumiai/shared';
import { submission, write } from '../sync/forms-support.ts';
import { audience, openAs, type RawClient } from '../sync/support.ts';
import { api, DAY, linkUnion, publishItem, startTrio, sync, UNION_NAME, type Trio } from './support.ts';

let trio: Trio;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await trio.close();
});

const liveForms = async (client: RawClient) => [...(await client.pullAll('forms')).docs.values()].filter((d) => !d._deleted && d.kind === 'survey');
const inboxItem = async (t: Trio, id: string) => (await api(t.union, 'K7Q-0010', 'GET', '/api/federation/inbox')).json<{ items: InboxItem[] }>().items.find((i) => i.id === id)!;
const preview = async (t: Trio) => (await api(t.union, 'K7Q-0001', 'GET', '/api/federation/report/preview')).json<FigureReport>().figures.actions;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('federation: members answer a unified action’s participation question (issue 20)', () => {
  it('a released action brings a survey to its audience; the 参加する answers go up unless an officer typed a count', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    // The action's day: 2026-12-10 in Japan (midnight JST); the survey closes at the end of that day.
    const actionDate = Date.UTC(2026, 11, 10) - 9 * 3600_000;
    const action = await publishItem(federation, { kind: 'action', title: '12月統一行動', question: '12月10日の集会に参加しますか', actionDate });
    await sync(union);
    expect(await inboxItem(trio, action.id)).toMatchObject({ participationForm: null, appAnswers: null });
    expect(await preview(trio)).toEqual([]);

    // An officer of branch A releases it to branch A: the notice and its survey, for the same audience.
    const released = (await api(union, 'K7Q-0010', 'POST', `/api/federation/inbox/${action.id}/release`, { audience: audience({ units: ['bA'] }) })).json<InboxItem>();
    expect(released).toMatchObject({ participationForm: expect.any(String) as string, appAnswers: 0 });
    const formId = released.participationForm!;
    const memA = await openAs(union, 'memA', clients);
    const memA2 = await openAs(union, 'memA2', clients);
    const memB = await openAs(union, 'memB', clients);
    const [form] = await liveForms(memA);
    expect(form).toMatchObject({ id: formId, kind: 'survey', title: '12月統一行動 参加のご確認', status: 'published', anonymous: false, closesAt: actionDate + DAY - 1, audience: audience({ units: ['bA'] }) });
    expect(JSON.stringify(form)).toContain('12月10日の集会に参加しますか');
    expect(JSON.stringify(form)).toContain('参加しない');
    expect(await liveForms(memB)).toEqual([]);
    const [notice] = [...(await memA.pullAll('notices')).docs.values()];
    expect(notice!.body).toContain('12月統一行動 参加のご確認');

    // Two members answer through sync: one takes part, one does not.
    expect((await write(memA, [submission(union, { formId, memberId: 'memA', answers: { take_part: 'yes' } })])).codes).toEqual([]);
    expect((await write(memA2, [submission(union, { formId, memberId: 'memA2', answers: { take_part: 'no' } })])).codes).toEqual([]);
    expect(await inboxItem(trio, action.id)).toMatchObject({ appAnswers: 1, participation: null });
    expect(await preview(trio)).toEqual([{ itemId: action.id, participants: 1 }]);

    // Sent and delivered: the federation sees 1.
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/report/send', {})).json<FigureReport>().figures.actions).toEqual([{ itemId: action.id, participants: 1 }]);
    expect((await sync(union)).result).toMatchObject({ reportsDelivered: 1 });
    const view = (await api(federation, 'FED-ADMIN-01', 'GET', '/api/federation/unions')).json<{ unions: MemberUnion[]; totals: FigureTotals }>();
    expect(view.totals.actions).toEqual([{ itemId: action.id, participants: 1 }]);
    expect(view.unions.find((u) => u.name === UNION_NAME)!.lastReport!.figures.actions).toEqual([{ itemId: action.id, participants: 1 }]);

    // A typed count (a paper tally) wins over the app's answers; the card shows both.
    expect((await api(union, 'K7Q-0010', 'PUT', `/api/federation/inbox/${action.id}/participation`, { count: 37 })).json<InboxItem>()).toMatchObject({ participation: 37, appAnswers: 1 });
    expect(await preview(trio)).toEqual([{ itemId: action.id, participants: 37 }]);
    // Cleared, the app's answers are reported again; typed once more, it wins again.
    expect((await api(union, 'K7Q-0010', 'PUT', `/api/federation/inbox/${action.id}/participation`, { count: null })).json<InboxItem>()).toMatchObject({ participation: null, appAnswers: 1 });
    expect(await preview(trio)).toEqual([{ itemId: action.id, participants: 1 }]);
    expect((await api(union, 'K7Q-0010', 'PUT', `/api/federation/inbox/${action.id}/participation`, { count: -1 })).statusCode).toBe(400);
    expect((await api(union, 'K7Q-0010', 'PUT', `/api/federation/inbox/${action.id}/participation`, { count: 37 })).json<InboxItem>()).toMatchObject({ participation: 37 });
    expect(await preview(trio)).toEqual([{ itemId: action.id, participants: 37 }]);

    // Nothing member-level crosses: no name or employee number in any file of the federation.
    const roster = union.db.prepare('SELECT id, name, employee_number FROM members').all() as { id: string; name: string; employee_number: string }[];
    const bytes = filesUnder(federation.config.dataDir).map((f) => fs.readFileSync(f));
    for (const { name, employee_number } of roster) for (const needle of [name, employee_number]) for (const b of bytes) expect(b.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    for (const b of bytes) expect(b.includes(Buffer.from(formId, 'utf8'))).toBe(false);
  });

  it('an action released by the default audience brings its survey to that audience too, open at least an hour', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    await api(union, 'K7Q-0001', 'PUT', '/api/federation/link/sharing', { useDefaultAudience: true, sharedForms: [] });
    const action = await publishItem(federation, { kind: 'action', title: '今日の行動', question: '参加しますか', actionDate: union.clock.now() - 2 * DAY, defaultAudience: 'all' });
    expect((await sync(union)).result).toMatchObject({ released: 1 });
    const formId = (await inboxItem(trio, action.id)).participationForm;
    const memB = await openAs(union, 'memB', clients);
    const forms = await liveForms(memB);
    expect(forms).toEqual([expect.objectContaining({ id: formId, title: '今日の行動 参加のご確認', closesAt: union.clock.now() + 3600_000 })]);
  });
});
