import { afterEach, describe, expect, it } from 'vitest';
import type { FormResults } from '@kumiai/shared';
import { seedMember, seedOrg } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';
import { createForm, submission, write } from './forms-support.ts';

/** Issue 11 finding 7: two looks at an open anonymous survey's results never single out one member's answer or unit. */
let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

describe('anonymous survey results while the survey is open', () => {
  it('a snapshot before and after one member answers shows nothing new until 5 more answers, or the survey closes', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    for (let i = 1; i <= 10; i++) await seedMember(server.db, { id: `w${i}`, employeeNumber: `0009${String(i).padStart(2, '0')}`, unitId: 'wA1' });
    const closesAt = server.clock.now() + 3600_000;
    const { id, headers } = await createForm(server, '000001', { anonymous: true, closesAt });
    const answer = async (member: string, text: string, choice = 'good') => {
      const client = await openAs(server, member, clients);
      expect((await write(client, [submission(server, { formId: id, memberId: member, anonymous: true, answers: { q1: choice, q2: text } })])).codes).toEqual([]);
    };
    const look = async () => {
      const res = await server.app.inject({ method: 'GET', url: `/api/forms/${id}/results`, headers });
      expect(res.statusCode).toBe(200);
      return { results: res.json<FormResults>(), body: res.body };
    };
    const csv = async () => (await server.app.inject({ method: 'GET', url: `/api/forms/${id}/export.csv`, headers })).body;
    const unit = (r: FormResults, unitId: string) => r.units.find((u) => u.unitId === unitId);

    for (let i = 1; i <= 5; i++) await answer(`w${i}`, `意見${i}`);
    const before = await look();
    expect(before.results.released).toBe(5);
    expect(unit(before.results, 'wA1')).toMatchObject({ answered: 5 });

    // memB is one of two members of wB1 (with the officer offB): their answer, choice and unit must not show.
    await answer('memB', 'ひみつの意見', 'bad');
    const after = await look();
    expect(after.results.answered).toBe(6);
    expect(after.results.results).toEqual(before.results.results);
    expect(after.results.units).toEqual(before.results.units);
    expect(after.results.released).toBe(5);
    expect(after.body).not.toContain('ひみつの意見');
    expect(await csv()).not.toContain('ひみつの意見');
    expect(unit(after.results, 'wB1')).toMatchObject({ answered: null });

    // Four more: still the same batch.
    for (let i = 6; i <= 8; i++) await answer(`w${i}`, `意見${i}`);
    expect((await look()).results.results).toEqual(before.results.results);
    // The fifth waiting answer releases them together: memB's text is one of five new ones.
    await answer('w9', '意見9');
    const released = await look();
    expect(released.results.released).toBe(10);
    expect(released.body).toContain('ひみつの意見');
    expect(released.results.results![0]).toMatchObject({ answered: 10, counts: [{ option: 'good', count: 9 }, { option: 'bad', count: 1 }] });
    // A unit with fewer than 5 answers shows no count.
    expect(unit(released.results, 'wA1')).toMatchObject({ answered: 9 });
    expect(unit(released.results, 'wB1')).toMatchObject({ answered: null });
    expect((await csv()).trim().split('\r\n')).toHaveLength(11);

    // One more, then the survey closes: everything shows.
    await answer('w10', '最後の意見');
    expect((await look()).body).not.toContain('最後の意見');
    server.clock.advance(3600_000);
    const closed = await look();
    expect(closed.results.released).toBeNull();
    expect(closed.body).toContain('最後の意見');
    expect(closed.results.results![0]).toMatchObject({ answered: 11 });
  });
});
