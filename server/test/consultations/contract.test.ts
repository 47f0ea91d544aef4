import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { assigneesInputSchema, consultationDocSchema, deskLevelOf, deskUnitFor } from '@kumiai/shared';

// The consultations contract (issue 21) compiles as the server's validators compile it (ajv, as the sync engine and Fastify do).
const ajv = new Ajv({ allErrors: false, strict: false });
const validDoc = ajv.compile(consultationDocSchema);
const validAssignees = ajv.compile(assigneesInputSchema);

const file = { id: 'f'.repeat(22), name: '勤務表.pdf', type: 'application/pdf', size: 1200 };

describe('the consultations contract', () => {
  it('holds a case, a message and a note in one synced collection', () => {
    expect(validDoc({ id: 'case-0001', kind: 'case', caseId: 'case-0001', text: '残業代が出ません', attachments: [file], category: 'overtime', contactAtWork: false, preferredContact: 'app', anonymousToWorkplace: true, updatedAt: 1 })).toBe(true);
    expect(validDoc({ id: 'msg-00001', kind: 'message', caseId: 'case-0001', text: 'お話を伺います', updatedAt: 2 })).toBe(true);
    expect(validDoc({ id: 'note-0001', kind: 'note', caseId: 'case-0001', text: '人事に確認', updatedAt: 3 })).toBe(true);
  });

  it.each([
    ['an unknown category', { category: 'gossip' }],
    ['an unknown status', { status: 'archived' }],
    ['too many attachments', { attachments: Array.from({ length: 6 }, () => file) }],
    ['a text over the cap', { text: 'あ'.repeat(8001) }],
    ['a file id that is not an id', { attachments: [{ ...file, id: '../../etc/passwd' }] }],
  ])('refuses %s', (_, change) => {
    expect(validDoc({ id: 'case-0001', kind: 'case', caseId: 'case-0001', text: 't', updatedAt: 1, ...change })).toBe(false);
  });

  it('routes a category to its desk, and an anonymous case to the central desk', () => {
    const path = [{ id: 'u', kind: 'union' }, { id: 'b', kind: 'branch' }, { id: 'w', kind: 'workplace' }, { id: 'g', kind: 'group' }] as const;
    expect(deskUnitFor(deskLevelOf('overtime', false), path)).toBe('w');
    expect(deskUnitFor(deskLevelOf('pay', false), path)).toBe('b');
    expect(deskUnitFor(deskLevelOf('harassment', false), path)).toBe('u');
    expect(deskUnitFor(deskLevelOf('overtime', true), path)).toBe('u');
    expect(deskUnitFor('workplace', [{ id: 'u', kind: 'union' }, { id: 'b', kind: 'branch' }])).toBe('b');
    expect(deskUnitFor('branch', [{ id: 'u', kind: 'union' }])).toBe('u');
  });

  it('assigns one to ten officers', () => {
    expect(validAssignees({ memberIds: ['o1', 'o2'] })).toBe(true);
    expect(validAssignees({ memberIds: [] })).toBe(false);
    expect(validAssignees({ memberIds: ['o1', 'o1'] })).toBe(false);
  });
});
