import { fieldTypes, formDefinitionProblems, type FormDoc, type FormField } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { addField, builderFromForm, builderProblems, emptyBuilder, hasProblems, moveField, newOption, removeField, toFormInput, updateField, type BuilderState } from './builder-state.ts';

const now = Date.UTC(2026, 10, 24, 9, 0);
const everyone = { all: true, units: [], roles: [], members: [] };

/** A survey with one field of every type, labels filled in as an officer would. */
function fullSurvey(): BuilderState {
  let fields: FormField[] = [];
  for (const type of fieldTypes) fields = addField(fields, type);
  fields = fields.map((f) => ({ ...f, label: { ja: `質問 ${f.id}`, en: '' }, options: f.options?.map((o) => ({ ...o, label: { ja: `選択肢 ${o.id}` } })) }));
  return { ...emptyBuilder('survey'), title: ' 職場アンケート ', audience: everyone, fields };
}

describe('the builder state', () => {
  it('turns a form with all nine field types into a FormInput the shared rules accept', () => {
    const state = fullSurvey();
    expect(builderProblems(state).fields).toEqual([]);
    const input = toFormInput(state, 'published', now);
    expect(formDefinitionProblems(input.fields)).toEqual([]);
    expect(input.fields.map((f) => f.type)).toEqual([...fieldTypes]);
    expect(new Set(input.fields.map((f) => f.id)).size).toBe(fieldTypes.length);
    for (const f of input.fields) expect(f.id).toMatch(/^[a-z0-9_]{1,40}$/);
    expect(input).toMatchObject({ kind: 'survey', title: '職場アンケート', steps: [], status: 'published', opensAt: now, closesAt: null, audience: everyone });
    // An empty English label is left out, not sent as ''.
    expect(input.fields[0]!.label).toEqual({ ja: '質問 q1' });
    // Only choice fields carry options; the scale keeps its 1–5 bounds.
    expect(input.fields.filter((f) => f.options).map((f) => f.type)).toEqual(['single_choice', 'multiple_choice']);
    expect(input.fields.find((f) => f.type === 'scale')).toMatchObject({ min: 1, max: 5 });
  });

  it('shows the shared definition problems, and missing labels, by field position', () => {
    const state = fullSurvey();
    const fields = updateField(state.fields, 0, { ...state.fields[0]!, label: { ja: ' ' }, options: state.fields[0]!.options!.slice(0, 1) });
    const scale = fields.findIndex((f) => f.type === 'scale');
    const broken = updateField(fields, scale, { ...fields[scale]!, min: 0, max: 11 });
    const problems = builderProblems({ ...state, fields: broken }).fields;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'q1', index: 0, code: 'no_options' },
        { field: 'q1', index: 0, code: 'label_missing' },
        { field: 'q3', index: scale, code: 'bad_bounds' },
      ]),
    );
    expect(builderProblems({ ...state, fields: [] }).fields).toEqual([{ field: '', index: -1, code: 'no_fields' }]);
  });

  it('flags a missing title, audience or a deadline before the opening', () => {
    const p = builderProblems({ ...fullSurvey(), title: '', audience: { all: false, units: [], roles: [], members: [] }, opensAt: '2026-12-01T09:00', closesAt: '2026-11-30T17:00' });
    expect(p).toMatchObject({ title: true, audience: true, closesBeforeOpens: true });
    expect(hasProblems(p)).toBe(true);
    expect(hasProblems(builderProblems(fullSurvey()))).toBe(false);
  });

  it('keeps conditions pointing at earlier fields: moving past the source is flagged, removing it drops the condition', () => {
    let fields = addField(addField([], 'yes_no'), 'short_text');
    fields = fields.map((f) => ({ ...f, label: { ja: 'x' } }));
    fields = updateField(fields, 1, { ...fields[1]!, showIf: { field: 'q1', equals: true } });
    const state = { ...fullSurvey(), fields };
    expect(builderProblems(state).fields).toEqual([]);
    expect(builderProblems({ ...state, fields: moveField(fields, 1, -1) }).fields).toEqual([{ field: 'q2', index: 0, code: 'bad_condition' }]);
    expect(removeField(fields, 0)).toEqual([{ id: 'q2', type: 'short_text', label: { ja: 'x' }, required: false }]);
    expect(moveField(fields, 0, -1)).toEqual(fields);
  });

  it('flags a condition naming an option that was removed', () => {
    let fields = addField(addField([], 'single_choice'), 'long_text');
    fields = fields.map((f) => ({ ...f, label: { ja: 'x' }, options: f.options?.map((o) => ({ ...o, label: { ja: o.id } })) }));
    const extra = newOption(fields[0]!.options);
    expect(extra.id).toBe('o3');
    fields = updateField(fields, 0, { ...fields[0]!, options: [...fields[0]!.options!, { ...extra, label: { ja: 'c' } }] });
    fields = updateField(fields, 1, { ...fields[1]!, showIf: { field: 'q1', equals: 'o3' } });
    expect(builderProblems({ ...fullSurvey(), fields }).fields).toEqual([]);
    fields = updateField(fields, 0, { ...fields[0]!, options: fields[0]!.options!.slice(0, 2) });
    expect(builderProblems({ ...fullSurvey(), fields }).fields).toEqual([{ field: 'q2', index: 1, code: 'bad_condition' }]);
  });

  it('never allows editing anonymous answers, and sends the chain only for applications', () => {
    expect(toFormInput({ ...fullSurvey(), anonymous: true, allowEdit: true }, 'draft', now)).toMatchObject({ anonymous: true, allowEdit: false, status: 'draft' });
    const application = { ...emptyBuilder('application'), title: '結婚祝金', audience: everyone, fields: fullSurvey().fields, anonymous: true, allowEdit: true };
    const input = toFormInput(application, 'published', now);
    expect(input).toMatchObject({ kind: 'application', anonymous: false, allowEdit: false, steps: [{ role: 'officer', level: 0 }, { role: 'officer', level: 1 }] });
    expect(toFormInput({ ...fullSurvey(), steps: [{ role: 'admin', level: 'union' }] }, 'draft', now).steps).toEqual([]);
  });

  it('refuses a file field in an anonymous survey, but not in a named one or an application', () => {
    const fileIndex = fieldTypes.indexOf('file');
    expect(builderProblems({ ...fullSurvey(), anonymous: true }).fields).toEqual([{ field: fullSurvey().fields[fileIndex]!.id, index: fileIndex, code: 'file_in_anonymous' }]);
    expect(builderProblems(fullSurvey()).fields).toEqual([]);
    expect(builderProblems({ ...fullSurvey(), kind: 'application', anonymous: true }).fields).toEqual([]);
  });

  it('prefills from a synced form and gives back the same definition', () => {
    const survey = toFormInput({ ...fullSurvey(), opensAt: '2026-11-25T09:00', closesAt: '2026-12-01T17:30' }, 'published', now);
    const doc: FormDoc = { ...survey, id: 'f1', version: 3, authorId: 'm1', authorName: '山田', updatedAt: now };
    const back = toFormInput(builderFromForm(doc), 'published', now);
    expect(back).toEqual(survey);
    // New fields never reuse an existing id, so answers stay matched across versions.
    expect(addField(doc.fields, 'number').at(-1)!.id).toBe('q10');
  });

  it('leaves the opening empty for a built-in template that never opened (no 1970/01/01), so publishing opens it now', () => {
    const template: FormDoc = { ...toFormInput(fullSurvey(), 'draft', now), id: 'tpl-x', version: 1, authorId: null, authorName: null, updatedAt: 0, opensAt: 0 };
    expect(builderFromForm(template).opensAt).toBe('');
    expect(toFormInput(builderFromForm(template), 'published', now).opensAt).toBe(now);
  });

  it('carries the English title and description from the synced form to the input, trimmed, and sends blank English as none', () => {
    const doc: FormDoc = { ...toFormInput(fullSurvey(), 'published', now), titleEn: 'Workplace survey', descriptionEn: null, id: 'f1', version: 1, authorId: 'm1', authorName: '山田', updatedAt: now };
    const state = builderFromForm(doc);
    expect(state).toMatchObject({ titleEn: 'Workplace survey', descriptionEn: '' });
    expect(toFormInput({ ...state, descriptionEn: '  Be frank ' }, 'published', now)).toMatchObject({ titleEn: 'Workplace survey', descriptionEn: 'Be frank' });
    expect(toFormInput({ ...state, titleEn: '   ' }, 'published', now).titleEn).toBe('');
  });
});
