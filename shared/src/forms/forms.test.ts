import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions.ts';
import { formDefinitionProblems, type FormField } from './fields.ts';
import { deviceRequestStillValid, formOpen, submissionWrite, surveySubmissionId, type FormDoc, type SubmissionDoc, type SubmissionState } from './forms.ts';

const l = (ja: string) => ({ ja });
const fields: FormField[] = [
  { id: 'q1', type: 'single_choice', label: l('満足度'), required: true, options: [{ id: 'yes', label: l('はい') }, { id: 'no', label: l('いいえ') }] },
  { id: 'q2', type: 'long_text', label: l('意見') },
];
const me: Actor = { memberId: 'm1', unitPath: ['u', 'b', 'w'], status: 'active', grants: [] };
const NOW = 1_800_000_000_000;

const survey = (over: Partial<FormDoc> = {}): FormDoc => ({
  id: 's1',
  kind: 'survey',
  title: '職場アンケート',
  description: '',
  fields,
  steps: [],
  audience: { all: true, units: [], roles: [], members: [] },
  status: 'published',
  opensAt: NOW - 1000,
  closesAt: NOW + 1000,
  anonymous: false,
  allowEdit: true,
  version: 1,
  authorId: 'officer',
  authorName: '役員',
  updatedAt: NOW - 1000,
  ...over,
});
const template = (over: Partial<FormDoc> = {}): FormDoc => survey({ id: 'tpl', kind: 'application', closesAt: null, allowEdit: false, steps: [{ role: 'officer', level: 0 }], ...over });

const doc = (over: Partial<SubmissionDoc> = {}): SubmissionDoc => ({
  id: surveySubmissionId('s1', 'm1'),
  formId: 's1',
  formVersion: 1,
  kind: 'survey',
  memberId: 'm1',
  memberName: null,
  unitId: null,
  anonymous: false,
  answers: { q1: 'yes' },
  state: 'submitted',
  step: 0,
  steps: 0,
  history: [],
  submittedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});
const application = (over: Partial<SubmissionDoc> = {}) => doc({ id: 'app-1', formId: 'tpl', kind: 'application', state: 'draft', ...over });
/** What the server holds after a submit: its own fields set. */
const stored = (over: Partial<SubmissionDoc>) => application({ memberName: '組合 太郎', unitId: 'w', steps: 1, history: [{ at: NOW, action: 'submit', state: 'in_review', step: 0, actorId: 'm1', actorName: '組合 太郎', comment: null }], ...over });

const write = (form: FormDoc | null, next: SubmissionDoc, master: SubmissionDoc | null = null, now = NOW, deleted = false) =>
  submissionWrite({ actor: me, form, versionFields: form ? fields : null, master, next, deleted, now });

describe('submissionWrite: surveys', () => {
  it('accepts a valid answer to an open survey', () => {
    expect(write(survey(), doc())).toEqual({ ok: true, effect: { kind: 'answer', anonymous: false } });
    expect(write(survey({ anonymous: true }), doc({ anonymous: true }))).toEqual({ ok: true, effect: { kind: 'answer', anonymous: true } });
  });

  it('refuses an answer after closing or before opening', () => {
    expect(write(survey(), doc(), null, NOW + 1000)).toMatchObject({ ok: false, code: 'form_closed' });
    expect(write(survey({ opensAt: NOW + 1 }), doc())).toMatchObject({ ok: false, code: 'form_closed' });
    expect(write(survey({ status: 'archived' }), doc())).toMatchObject({ ok: false, code: 'form_closed' });
  });

  it('names the field whose answer fails validation', () => {
    expect(write(survey(), doc({ answers: { q2: '意見だけ' } }))).toMatchObject({ ok: false, code: 'invalid_answer', field: 'q1' });
    expect(write(survey(), doc({ answers: { q1: 'maybe' } }))).toMatchObject({ ok: false, code: 'invalid_answer', field: 'q1' });
  });

  it('allows one answer per member: the id is the form and the member', () => {
    expect(write(survey(), doc({ id: 's1:someone-else' }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'id' });
    expect(write(survey(), doc({ memberId: 'm2', id: 's1:m2' }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'memberId' });
  });

  it('lets a named answer change until closing only when the survey allows it; never an anonymous one', () => {
    const master = doc({ memberName: null });
    expect(write(survey(), doc({ answers: { q1: 'no' } }), master)).toMatchObject({ ok: true });
    expect(write(survey(), doc({ answers: { q1: 'no' } }), master, NOW + 1000)).toMatchObject({ ok: false, code: 'form_closed' });
    expect(write(survey({ allowEdit: false }), doc({ answers: { q1: 'no' } }), master)).toMatchObject({ ok: false, code: 'not_editable' });
    const mark = doc({ anonymous: true, answers: {} });
    expect(write(survey({ anonymous: true }), doc({ anonymous: true, answers: { q1: 'no' } }), mark)).toMatchObject({ ok: false, code: 'not_editable' });
  });

  it('keeps the anonymity and kind of the form: a device cannot choose them', () => {
    expect(write(survey({ anonymous: true }), doc({ anonymous: false }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'anonymous' });
    expect(write(survey(), doc({ kind: 'application' }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'kind' });
    expect(write(survey(), doc({ state: 'approved' }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'state' });
  });

  it('refuses an unreadable form, an unknown version and deletions', () => {
    expect(write(null, doc())).toMatchObject({ ok: false, code: 'not_found' });
    expect(submissionWrite({ actor: me, form: survey(), versionFields: null, master: null, next: doc({ formVersion: 9 }), deleted: false, now: NOW })).toMatchObject({ ok: false, code: 'invalid_answer', field: 'formVersion' });
    expect(write(survey(), doc(), doc(), NOW, true)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('submissionWrite: applications', () => {
  it('saves an incomplete draft, but submits only complete answers', () => {
    expect(write(template(), application({ answers: {} }))).toEqual({ ok: true, effect: { kind: 'draft' } });
    expect(write(template(), application({ answers: {}, state: 'submitted' }))).toMatchObject({ ok: false, code: 'invalid_answer', field: 'q1' });
    expect(write(template(), application({ state: 'submitted' }))).toEqual({ ok: true, effect: { kind: 'submit' } });
    expect(write(template(), application({ state: 'submitted' }), application())).toEqual({ ok: true, effect: { kind: 'submit' } });
  });

  it('refuses every server-owned status and field a device might forge', () => {
    for (const state of ['in_review', 'approved', 'rejected', 'paid', 'returned'] as const) {
      expect(write(template(), application({ state }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'state' });
    }
    expect(write(template(), application({ step: 1 }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'step' });
    expect(write(template(), application({ history: [{ at: NOW, action: 'approve', state: 'approved', step: 0, actorId: 'x', actorName: 'x', comment: null }] }))).toMatchObject({
      ok: false,
      code: 'forbidden_field',
      field: 'history',
    });
    expect(write(template(), application({ unitId: 'elsewhere' }))).toMatchObject({ ok: false, code: 'forbidden_field', field: 'unitId' });
  });

  it('lets the applicant withdraw while in review, but not change the answers then', () => {
    const master = stored({ state: 'in_review' });
    expect(write(template(), { ...master, state: 'withdrawn' }, master)).toEqual({ ok: true, effect: { kind: 'withdraw' } });
    expect(write(template(), { ...master, answers: { q1: 'no' } }, master)).toMatchObject({ ok: false, code: 'forbidden_field', field: 'state' });
    expect(write(template(), { ...master, state: 'withdrawn', answers: { q1: 'no' } }, master)).toMatchObject({ ok: false, code: 'forbidden_field', field: 'answers' });
  });

  it('refuses a change to a decided application with wrong_state', () => {
    for (const state of ['approved', 'rejected', 'paid', 'withdrawn'] as const) {
      const master = stored({ state });
      expect(write(template(), { ...master, state: 'withdrawn' === state ? 'submitted' : 'withdrawn' }, master)).toMatchObject({ ok: false, code: 'wrong_state' });
    }
  });

  it('lets a returned application be corrected and submitted again, even on a newer form version', () => {
    const master = stored({ state: 'returned' });
    expect(write(template({ version: 2 }), { ...master, state: 'submitted', formVersion: 2, answers: { q1: 'no' } }, master)).toEqual({ ok: true, effect: { kind: 'submit' } });
    expect(write(template(), { ...master, formVersion: 0 }, { ...master, formVersion: 1 })).toMatchObject({ ok: false });
  });

  it('takes no new applications on an archived template', () => {
    expect(write(template({ status: 'archived' }), application({ state: 'submitted' }))).toMatchObject({ ok: false, code: 'form_closed' });
  });
});

describe('deviceRequestStillValid (conflict resolution)', () => {
  const table: [SubmissionState, SubmissionState, boolean][] = [
    ['draft', 'submitted', true],
    ['draft', 'withdrawn', true],
    ['returned', 'submitted', true],
    ['returned', 'draft', true],
    ['in_review', 'withdrawn', true],
    // The device's own submit went through, only its acknowledgement was lost: nothing left to ask.
    ['in_review', 'submitted', false],
    ['approved', 'withdrawn', false],
    ['rejected', 'submitted', false],
    ['paid', 'withdrawn', false],
    ['withdrawn', 'submitted', false],
  ];
  it.each(table)('server %s, device asks %s → %s', (server, requested, expected) => {
    expect(deviceRequestStillValid(server, requested)).toBe(expected);
  });
});

describe('formOpen and formDefinitionProblems', () => {
  it('is open from opensAt until (not including) closesAt, when published', () => {
    expect(formOpen(survey(), NOW)).toBe(true);
    expect(formOpen(survey(), NOW + 1000)).toBe(false);
    expect(formOpen(survey({ status: 'draft' }), NOW)).toBe(false);
    expect(formOpen(template(), NOW * 2)).toBe(true);
  });

  it('finds duplicate ids, choices without options, bad bounds and conditions on later fields', () => {
    expect(formDefinitionProblems(fields)).toEqual([]);
    expect(formDefinitionProblems([])).toEqual([{ field: '', code: 'no_fields' }]);
    expect(
      formDefinitionProblems([
        { id: 'a', type: 'single_choice', label: l('a'), options: [{ id: 'x', label: l('x') }] },
        { id: 'a', type: 'short_text', label: l('b'), showIf: { field: 'c', equals: 'x' } },
        { id: 'c', type: 'scale', label: l('c'), min: 5, max: 1 },
        { id: 'd', type: 'multiple_choice', label: l('d'), options: [{ id: 'x', label: l('x') }, { id: 'x', label: l('y') }] },
      ]),
    ).toEqual([
      { field: 'a', code: 'no_options' },
      { field: 'a', code: 'duplicate_id' },
      { field: 'a', code: 'bad_condition' },
      { field: 'c', code: 'bad_bounds' },
      { field: 'd', code: 'duplicate_option' },
    ]);
  });
});
