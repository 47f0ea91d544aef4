import type { FormDoc, SubmissionDoc } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { askedOfMe, DECIDED_SHOWN_MS, waitingCount } from './waiting.ts';

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const form = (id: string, over: Partial<FormDoc> = {}): FormDoc => ({
  id,
  kind: 'survey',
  title: id,
  description: '',
  fields: [],
  steps: [],
  audience: { all: true, units: [], roles: [], members: [] },
  status: 'published',
  opensAt: NOW - DAY,
  closesAt: NOW + DAY,
  anonymous: false,
  allowEdit: false,
  version: 1,
  authorId: 'officer',
  authorName: '役員',
  updatedAt: NOW - DAY,
  ...over,
});
const sub = (id: string, over: Partial<SubmissionDoc> = {}): SubmissionDoc => ({
  id,
  formId: 'tpl',
  formVersion: 1,
  kind: 'application',
  memberId: 'me',
  memberName: null,
  unitId: null,
  anonymous: false,
  answers: {},
  state: 'in_review',
  step: 0,
  steps: 2,
  history: [],
  submittedAt: NOW - 3 * DAY,
  createdAt: NOW - 3 * DAY,
  updatedAt: NOW - DAY,
  ...over,
});

describe('what the forms ask of a member (home card and the 手続き badge)', () => {
  it('lists open surveys not yet answered, soonest deadline first, and counts them with returned applications', () => {
    const forms = [
      form('later', { closesAt: NOW + 5 * DAY }),
      form('answered'),
      form('sooner', { closesAt: NOW + 2 * 60 * 60 * 1000 }),
      form('closed', { closesAt: NOW - 1 }),
      form('not-yet', { opensAt: NOW + DAY }),
      form('draft', { status: 'draft' }),
      form('no-deadline', { closesAt: null }),
    ];
    const mine = [sub('answered:me', { formId: 'answered', kind: 'survey', state: 'submitted' }), sub('back', { state: 'returned' })];
    const asked = askedOfMe(forms, mine, 'me', NOW);
    expect(asked.surveys.map((f) => f.id)).toEqual(['sooner', 'later', 'no-deadline']);
    expect(asked.returned.map((s) => s.id)).toEqual(['back']);
    expect(waitingCount(asked)).toBe(4);
  });

  it('puts returned applications apart, keeps the ones under way, and a decision only for two weeks', () => {
    const mine = [
      sub('review'),
      sub('returned-old', { state: 'returned', updatedAt: NOW - 5 * DAY }),
      sub('returned-new', { state: 'returned', updatedAt: NOW - DAY }),
      sub('approved-lately', { state: 'approved', updatedAt: NOW - 2 * DAY }),
      sub('approved-long-ago', { state: 'approved', updatedAt: NOW - DECIDED_SHOWN_MS - 1 }),
      sub('withdrawn', { state: 'withdrawn', updatedAt: NOW - 1 }),
      sub('draft', { state: 'draft', updatedAt: NOW - 1 }),
    ];
    const asked = askedOfMe([], mine, 'me', NOW);
    expect(asked.returned.map((s) => s.id)).toEqual(['returned-old', 'returned-new']);
    expect(asked.mine.map((s) => s.id)).toEqual(['draft', 'review', 'approved-lately']);
    expect(waitingCount(asked)).toBe(2);
  });

  it('shows application forms only when they have a deadline and are open', () => {
    const forms = [form('leave', { kind: 'application', closesAt: null }), form('bonus', { kind: 'application', closesAt: NOW + DAY }), form('gone', { kind: 'application', status: 'archived' })];
    const asked = askedOfMe(forms, [], 'me', NOW);
    expect(asked.applicationForms.map((f) => f.id)).toEqual(['bonus']);
    expect(waitingCount(asked)).toBe(0);
  });
});
