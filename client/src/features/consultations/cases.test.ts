import type { ConsultationDoc, ConsultationStats } from '@kumiai/shared';
import { consultationCategories, consultationDocSchema, deviceMayKeepSent } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { assignedCases, awaitsMember, awaitsOfficer, caseProblems, conversation, countsByMonth, monthsBefore, myCases, newCaseDoc, newEntryDoc, readersOf } from './cases.ts';

const base = (over: Partial<ConsultationDoc>): ConsultationDoc => ({ id: 'c1-000000', kind: 'case', caseId: 'c1-000000', text: 't', updatedAt: 1, ...over });

describe('the documents a device writes', () => {
  it('a new case carries only what a device may send: no member, status, desk, assignees or times but updatedAt', () => {
    const doc = newCaseDoc(
      { category: 'harassment', text: '  上司に怒鳴られる  ', attachments: [], contactAtWork: false, preferredContact: 'phone', contactNote: ' 18時以降 ', anonymousToWorkplace: true },
      'case-0001',
      42,
    );
    expect(doc).toEqual({
      id: 'case-0001',
      kind: 'case',
      caseId: 'case-0001',
      text: '上司に怒鳴られる',
      attachments: [],
      category: 'harassment',
      contactAtWork: false,
      preferredContact: 'phone',
      contactNote: '18時以降',
      anonymousToWorkplace: true,
      updatedAt: 42,
    });
    const allowed = new Set(Object.keys(consultationDocSchema.properties));
    for (const key of Object.keys(doc)) expect(allowed).toContain(key);
    for (const serverSet of ['memberId', 'status', 'deskUnitId', 'deskLevel', 'assignees', 'openedAt', 'authorId', 'fromOfficer']) expect(doc).not.toHaveProperty(serverSet);
  });

  it('a reply and a note name their case and nothing of their author', () => {
    expect(newEntryDoc('note', 'case-0001', ' 人事に確認 ', 'n-000001', 5)).toEqual({ id: 'n-000001', kind: 'note', caseId: 'case-0001', text: '人事に確認', updatedAt: 5 });
  });

  it('once acknowledged, no copy of a case or reply stays in the device’s log of sent writes (erasure must leave nothing)', () => {
    expect(deviceMayKeepSent('consultations', newEntryDoc('message', 'case-0001', '返信', 'r-000001', 1))).toBe(false);
    expect(deviceMayKeepSent('submissions', { anonymous: false })).toBe(true);
  });

  it('refuses an empty text and texts over the limits before anything is written', () => {
    const limits = { textChars: 10, noteChars: 3 };
    expect(caseProblems({ text: '   ', contactNote: '' }, limits)).toEqual(['text_missing']);
    expect(caseProblems({ text: 'x'.repeat(11), contactNote: 'abcd' }, limits)).toEqual(['text_long', 'note_long']);
    expect(caseProblems({ text: 'ok', contactNote: 'abc' }, limits)).toEqual([]);
  });
});

describe('reading the synced collection', () => {
  const me = 'm-me';
  const docs: ConsultationDoc[] = [
    base({ id: 'mine-sent', caseId: 'mine-sent', memberId: me, openedAt: 10, lastMessageAt: 50, lastMessageFromOfficer: true, status: 'in_progress' }),
    base({ id: 'mine-waiting', caseId: 'mine-waiting', updatedAt: 60 }),
    base({ id: 'theirs', caseId: 'theirs', memberId: 'm-other', openedAt: 20, status: 'resolved' }),
    base({ id: 'theirs-open', caseId: 'theirs-open', memberId: 'm-other2', openedAt: 5, status: 'received' }),
    base({ id: 'r2', kind: 'message', caseId: 'mine-sent', createdAt: 40 }),
    base({ id: 'r1', kind: 'message', caseId: 'mine-sent', createdAt: 30 }),
    base({ id: 'n1', kind: 'note', caseId: 'theirs', createdAt: 35 }),
  ];

  it('the member’s own cases (one not yet acknowledged has no memberId) by latest activity; never someone else’s', () => {
    expect(myCases(docs, me).map((d) => d.id)).toEqual(['mine-waiting', 'mine-sent']);
  });

  it('an officer’s assigned cases are the others’, open ones first', () => {
    expect(assignedCases(docs, me).map((d) => d.id)).toEqual(['theirs-open', 'theirs']);
  });

  it('a conversation is the case’s replies and notes in the order received, never another case’s', () => {
    expect(conversation(docs, 'mine-sent').map((d) => d.id)).toEqual(['r1', 'r2']);
    expect(conversation(docs, 'theirs').map((d) => d.id)).toEqual(['n1']);
  });

  it('a new reply is marked for the member only while the case is open', () => {
    expect(awaitsMember({ lastMessageFromOfficer: true, status: 'in_progress' })).toBe(true);
    expect(awaitsMember({ lastMessageFromOfficer: true, status: 'closed' })).toBe(false);
    expect(awaitsMember({ lastMessageFromOfficer: false, status: 'received' })).toBe(false);
  });

  it('an assigned officer owes an answer to a new case or one the member wrote last, while it is open', () => {
    expect(awaitsOfficer({ status: 'received' })).toBe(true);
    expect(awaitsOfficer({ lastMessageFromOfficer: false, status: 'in_progress' })).toBe(true);
    expect(awaitsOfficer({ lastMessageFromOfficer: true, status: 'in_progress' })).toBe(false);
    expect(awaitsOfficer({ lastMessageFromOfficer: false, status: 'resolved' })).toBe(false);
  });

  it('who can read: the assigned officers once named, else the desk the shared rule routes to (central when anonymous)', () => {
    expect(readersOf({ assignees: [{ memberId: 'a', name: '佐藤' }] })).toEqual({ kind: 'assigned', names: ['佐藤'] });
    expect(readersOf({ category: 'overtime', anonymousToWorkplace: false })).toEqual({ kind: 'not_yet_assigned', desk: 'workplace' });
    expect(readersOf({ category: 'overtime', anonymousToWorkplace: true })).toEqual({ kind: 'not_yet_assigned', desk: 'central' });
    expect(readersOf({ category: 'pay', deskLevel: 'central', assignees: [] })).toEqual({ kind: 'not_yet_assigned', desk: 'central' });
  });
});

describe('the counts page', () => {
  it('groups cells by month, newest first, categories in their order then units', () => {
    const stats: ConsultationStats = {
      minGroup: 5,
      cells: [
        { category: 'pay', unitId: 'u1', month: '2026-10', count: 7 },
        { category: 'overtime', unitId: 'u2', month: '2026-11', count: 5 },
        { category: 'overtime', unitId: 'u1', month: '2026-11', count: 12 },
      ],
      shownTotal: 24,
    };
    expect(countsByMonth(stats, consultationCategories)).toEqual([
      {
        month: '2026-11',
        rows: [
          { category: 'overtime', unitId: 'u1', count: 12 },
          { category: 'overtime', unitId: 'u2', count: 5 },
        ],
      },
      { month: '2026-10', rows: [{ category: 'pay', unitId: 'u1', count: 7 }] },
    ]);
  });

  it('counts months back across a year', () => {
    expect(monthsBefore('2026-03', 11)).toBe('2025-04');
    expect(monthsBefore('2026-12', 0)).toBe('2026-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
  });
});
