import { submissionWrite, type Actor, type FormDoc, type FormField, type HistoryEntry, type SubmissionDoc } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { formsEn, formsJa } from './messages.ts';
import { answersToSend } from './answers.ts';
import { actedStep, applicationEditable, applicationWithdrawable, changedFields, newSubmission, surveyAnswerEditable, withdrawnFields } from './submission-doc.ts';
import { pendingStateText, statusText, statusTone } from './status.ts';

/** The documents the screens write must pass the server's own write rule (shared submissionWrite), run here as is. */
const l = (ja: string) => ({ ja });
const fields: FormField[] = [
  { id: 'kind', type: 'single_choice', label: l('種類'), required: true, options: [{ id: 'birth', label: l('出産') }, { id: 'marriage', label: l('結婚') }] },
  { id: 'photo', type: 'file', label: l('証明書'), max: 2 },
  { id: 'note', type: 'long_text', label: l('備考') },
];
const me: Actor = { memberId: 'm1', unitPath: ['u', 'b', 'w'], status: 'active', grants: [] };
const NOW = 1_800_000_000_000;
const form = (over: Partial<FormDoc> = {}): FormDoc => ({
  id: 'f1',
  kind: 'survey',
  title: 'アンケート',
  description: '',
  fields,
  steps: [],
  audience: { all: true, units: [], roles: [], members: [] },
  status: 'published',
  opensAt: NOW - 1000,
  closesAt: NOW + 1000,
  anonymous: false,
  allowEdit: true,
  version: 3,
  authorId: 'officer',
  authorName: '役員',
  updatedAt: NOW,
  ...over,
});
const template = (over: Partial<FormDoc> = {}) => form({ id: 'tpl', kind: 'application', closesAt: null, allowEdit: false, steps: [{ role: 'officer', level: 0 }, { role: 'treasurer', level: 'union' }], ...over });
const write = (f: FormDoc, next: SubmissionDoc, master: SubmissionDoc | null = null) => submissionWrite({ actor: me, form: f, versionFields: f.fields, master, next, deleted: false, now: NOW });
const photo = { hash: 'a'.repeat(64), name: 'IMG_1.jpg', type: 'image/jpeg' as const, size: 12345 };

describe('submission documents built on the device', () => {
  it('a named and an anonymous survey answer pass the write rule', () => {
    for (const anonymous of [false, true]) {
      const f = form({ anonymous });
      const doc = newSubmission({ form: f, memberId: 'm1', answers: { kind: 'birth' }, state: 'submitted', now: NOW, id: 'ignored' });
      expect(doc).toMatchObject({ id: 'f1:m1', state: 'submitted', anonymous, formVersion: 3, memberName: null, unitId: null, history: [], step: 0, steps: 0 });
      expect(write(f, doc)).toEqual({ ok: true, effect: { kind: 'answer', anonymous } });
    }
  });

  it('a changed named answer keeps the master’s server fields and passes; an anonymous one is refused as not editable', () => {
    const f = form();
    const master: SubmissionDoc = { ...newSubmission({ form: f, memberId: 'm1', answers: { kind: 'birth' }, state: 'submitted', now: NOW, id: '' }), memberName: '組合 太郎', unitId: 'w', submittedAt: NOW };
    expect(write(f, { ...master, ...changedFields(f, { kind: 'marriage' }, 'submitted') }, master)).toMatchObject({ ok: true });
    expect(surveyAnswerEditable(f, NOW)).toBe(true);
    const anon = form({ anonymous: true });
    expect(surveyAnswerEditable(anon, NOW)).toBe(false);
    expect(surveyAnswerEditable(form({ allowEdit: false }), NOW)).toBe(false);
    expect(surveyAnswerEditable(f, NOW + 5000)).toBe(false);
  });

  it('an application as a draft (required fields may be empty), then submitted with a photo, then withdrawn', () => {
    const t = template();
    const draft = newSubmission({ form: t, memberId: 'm1', answers: answersToSend(t.fields, { note: '後で書く' }), state: 'draft', now: NOW, id: 'app-1' });
    expect(draft).toMatchObject({ id: 'app-1', kind: 'application', anonymous: false, state: 'draft' });
    expect(write(t, draft)).toEqual({ ok: true, effect: { kind: 'draft' } });
    // Submitting the draft with its missing answer is refused, naming the field.
    expect(write(t, { ...draft, state: 'submitted' }, draft)).toMatchObject({ ok: false, code: 'invalid_answer', field: 'kind' });

    const submitted = { ...draft, ...changedFields(t, { kind: 'birth', photo: [photo] }, 'submitted') };
    expect(write(t, submitted, draft)).toEqual({ ok: true, effect: { kind: 'submit' } });
    // Created submitted at once works too.
    expect(write(t, newSubmission({ form: t, memberId: 'm1', answers: { kind: 'birth', photo: [photo] }, state: 'submitted', now: NOW, id: 'app-2' }))).toEqual({ ok: true, effect: { kind: 'submit' } });

    const inReview: SubmissionDoc = { ...submitted, state: 'in_review', memberName: '組合 太郎', unitId: 'w', steps: 2, history: [{ at: NOW, action: 'submit', state: 'in_review', step: 0, actorId: 'm1', actorName: '組合 太郎', comment: null }] };
    expect(applicationWithdrawable(inReview)).toBe(true);
    expect(applicationEditable(inReview)).toBe(false);
    expect(write(t, { ...inReview, ...withdrawnFields() }, inReview)).toEqual({ ok: true, effect: { kind: 'withdraw' } });
  });

  it('a returned application is edited against the form’s new version and submitted again', () => {
    const t = template({ version: 4 });
    const returned: SubmissionDoc = { ...newSubmission({ form: template(), memberId: 'm1', answers: { kind: 'birth' }, state: 'submitted', now: NOW, id: 'app-1' }), state: 'returned', steps: 2, memberName: '組合 太郎', unitId: 'w' };
    expect(applicationEditable(returned)).toBe(true);
    const next = { ...returned, ...changedFields(t, { kind: 'marriage', note: '直しました' }, 'submitted') };
    expect(next.formVersion).toBe(4);
    expect(write(t, next, returned)).toEqual({ ok: true, effect: { kind: 'submit' } });
  });

  it('says where an application stands, with the step in review', () => {
    const base = { kind: 'application' as const, step: 0, steps: 2 };
    expect(statusText({ ...base, state: 'in_review' }, formsEn)).toBe('In review: step 1 of 2');
    expect(statusText({ ...base, state: 'in_review', step: 1 }, formsJa)).toBe('審査中: 2段階中 2段階目');
    expect(statusText({ ...base, state: 'returned' }, formsEn)).toBe('Returned for changes');
    expect(statusText({ kind: 'survey', state: 'submitted', step: 0, steps: 0 }, formsEn)).toBe('Answered');
    expect(statusTone({ kind: 'application', state: 'returned' })).toBe('attention');
    expect(statusTone({ kind: 'application', state: 'paid' })).toBe('done');
  });

  it('labels a decision in the history with the step it was taken at: the first approver approves at step 1, not 2', () => {
    const entry = (action: HistoryEntry['action'], state: HistoryEntry['state'], step: number): HistoryEntry => ({ at: 1, action, state, step, actorId: 'x', actorName: 'x', comment: null });
    const history = [entry('submit', 'in_review', 0), entry('approve', 'in_review', 1), entry('return', 'returned', 1), entry('submit', 'in_review', 0), entry('approve', 'in_review', 1), entry('approve', 'approved', 1), entry('pay', 'paid', 1)];
    expect(history.map((_, i) => actedStep(history, i))).toEqual([null, 1, 2, null, 1, 2, null]);
  });

  it('while a change waits on the device, the chip names no second state for the sending itself', () => {
    const app = { kind: 'application' as const, step: 0, steps: 2 };
    expect(pendingStateText({ ...app, state: 'submitted' }, formsJa)).toBeNull();
    expect(pendingStateText({ kind: 'survey', state: 'submitted', step: 0, steps: 0 }, formsJa)).toBeNull();
    expect(pendingStateText({ ...app, state: 'withdrawn' }, formsJa)).toBe('取り下げ');
    expect(pendingStateText({ ...app, state: 'draft' }, formsEn)).toBe(formsEn.status.draft);
  });
});

