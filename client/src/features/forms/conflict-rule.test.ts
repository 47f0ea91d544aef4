import { describe, expect, it } from 'vitest';
import { createConflictHandler, type RejectedAttempts } from '../../sync/conflict.ts';
import { submissionsCollection } from './collections.ts';

type Doc = Record<string, unknown> & { _deleted: boolean };

const base: Doc = { id: 'app-1', formId: 'tpl', state: 'draft', step: 0, answers: { q1: 'a' }, anonymous: false, history: [], _deleted: false };

async function resolve(master: Doc, mine: Doc, assumed: Doc | undefined, rejected: RejectedAttempts = new Map()): Promise<Doc> {
  const handler = createConflictHandler(submissionsCollection, rejected);
  // RxDB's resolve input; the handler reads only these three states.
  const input = { realMasterState: master, newDocumentState: mine, assumedMasterState: assumed } as unknown as Parameters<typeof handler.resolve>[0];
  return handler.resolve(input, 'test');
}

describe('conflicts on submissions', () => {
  it("takes the server's state when the device's own submit went through and only its acknowledgement was lost", async () => {
    const master = { ...base, state: 'in_review', history: [{ action: 'submit' }] };
    expect(await resolve(master, { ...base, state: 'submitted' }, base)).toEqual(master);
  });

  it('keeps a withdrawal made offline when the application is still open to it', async () => {
    const master = { ...base, state: 'returned', history: [{ action: 'return' }] };
    const resolved = await resolve(master, { ...base, state: 'withdrawn' }, { ...base, state: 'in_review' });
    expect(resolved).toMatchObject({ state: 'withdrawn', history: [{ action: 'return' }] });
  });

  it('drops a withdrawal made offline once an officer decided meanwhile', async () => {
    const master = { ...base, state: 'approved', history: [{ action: 'approve' }] };
    expect(await resolve(master, { ...base, state: 'withdrawn' }, { ...base, state: 'in_review' })).toEqual(master);
  });

  it('never re-sends an anonymous answer over its "has answered" mark', async () => {
    const mark = { ...base, id: 's1:m1', anonymous: true, state: 'submitted', answers: {} };
    expect(await resolve(mark, { ...mark, answers: { q1: 'a' } }, undefined)).toEqual(mark);
  });

  it('keeps corrected answers of a named survey answer changed on the device', async () => {
    const master = { ...base, id: 's1:m1', state: 'submitted', answers: { q1: 'a' }, updatedAt: 2 };
    const resolved = await resolve(master, { ...master, answers: { q1: 'b' } }, { ...master, updatedAt: 1 });
    expect(resolved).toMatchObject({ answers: { q1: 'b' }, updatedAt: 2 });
  });

  it("resolves a refused change to the server's state exactly", async () => {
    const master = { ...base, state: 'in_review' };
    const mine = { ...base, state: 'approved' };
    const rejected: RejectedAttempts = new Map([['app-1', mine]]);
    expect(await resolve(master, mine, base, rejected)).toEqual(master);
  });
});
