import { filesRefused, formDefinitionProblems, type ApprovalStep, type Audience, type DefinitionProblemCode, type FieldType, type FormDoc, type FormField, type FormInput, type FormKind } from '@kumiai/shared';
import { fromLocalInput, toLocalInput } from '../../ui/dates.ts';

/**
 * The form builder's state and the pure steps on it: adding, moving and
 * removing fields, the problems to show before sending, and the FormInput
 * sent to the server. Components only render this and call these.
 */
export interface BuilderState {
  kind: FormKind;
  title: string;
  description: string;
  /** The optional English beside the Japanese ('' = none). */
  titleEn: string;
  descriptionEn: string;
  audience: Audience;
  /** datetime-local values; '' = as soon as published / no deadline. */
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  allowEdit: boolean;
  steps: ApprovalStep[];
  fields: FormField[];
}

export type BuilderProblemCode = DefinitionProblemCode | 'label_missing' | 'option_label_missing' | 'file_in_anonymous';

export interface BuilderProblems {
  title: boolean;
  audience: boolean;
  closesBeforeOpens: boolean;
  /** `index` is the field's place in the list (−1 for the form as a whole). */
  fields: { field: string; index: number; code: BuilderProblemCode }[];
}

const noOne: Audience = { all: false, units: [], roles: [], members: [] };

/** The usual 慶弔金 chain: the applicant's workplace officers, then the branch's. */
export const defaultSteps: ApprovalStep[] = [
  { role: 'officer', level: 0 },
  { role: 'officer', level: 1 },
];

export function emptyBuilder(kind: FormKind): BuilderState {
  return { kind, title: '', description: '', titleEn: '', descriptionEn: '', audience: noOne, opensAt: '', closesAt: '', anonymous: false, allowEdit: kind === 'survey', steps: kind === 'application' ? defaultSteps : [], fields: [] };
}

export function builderFromForm(form: FormDoc): BuilderState {
  return {
    kind: form.kind,
    title: form.title,
    description: form.description,
    titleEn: form.titleEn ?? '',
    descriptionEn: form.descriptionEn ?? '',
    audience: form.audience,
    // The built-in templates have never opened (opens_at 0): left empty, the form opens when it is published.
    opensAt: form.opensAt > 0 ? toLocalInput(form.opensAt) : '',
    closesAt: form.closesAt === null ? '' : toLocalInput(form.closesAt),
    anonymous: form.anonymous,
    allowEdit: form.allowEdit,
    steps: form.steps,
    fields: form.fields,
  };
}

/** The first `<prefix><n>` not taken (ids must match ^[a-z0-9_]{1,40}$ and stay stable across versions). */
function freeId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newOption(options: Readonly<FormField['options']>): NonNullable<FormField['options']>[number] {
  return { id: freeId('o', (options ?? []).map((o) => o.id)), label: { ja: '' } };
}

/** A new field of a type, with a fresh id and the defaults it needs (two options, a 1–5 scale). */
export function newField(type: FieldType, fields: readonly FormField[]): FormField {
  const field: FormField = { id: freeId('q', fields.map((f) => f.id)), type, label: { ja: '' }, required: false };
  if (type === 'single_choice' || type === 'multiple_choice') {
    const first = newOption([]);
    return { ...field, options: [first, newOption([first])] };
  }
  if (type === 'scale') return { ...field, min: 1, max: 5 };
  return field;
}

export function addField(fields: readonly FormField[], type: FieldType): FormField[] {
  return [...fields, newField(type, fields)];
}

export function updateField(fields: readonly FormField[], index: number, next: FormField): FormField[] {
  return fields.map((f, i) => (i === index ? next : f));
}

/** Moves a field up (−1) or down (+1); out of range does nothing. */
export function moveField(fields: readonly FormField[], index: number, delta: -1 | 1): FormField[] {
  const to = index + delta;
  if (index < 0 || index >= fields.length || to < 0 || to >= fields.length) return [...fields];
  const next = [...fields];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Removes a field, and the conditions of later fields that depended on it. */
export function removeField(fields: readonly FormField[], index: number): FormField[] {
  const gone = fields[index]?.id;
  return fields
    .filter((_, i) => i !== index)
    .map((f) => {
      if (f.showIf?.field !== gone) return f;
      const { showIf: _dropped, ...rest } = f;
      return rest;
    });
}

/** Earlier fields a condition may refer to: those with a small set of answers to pick from. */
export function conditionSources(fields: readonly FormField[], index: number): FormField[] {
  return fields.slice(0, Math.max(0, index)).filter((f) => f.type === 'single_choice' || f.type === 'yes_no' || f.type === 'scale');
}

/** The answers a condition on `source` may name. */
export function conditionValues(source: FormField): (string | number | boolean)[] {
  if (source.type === 'yes_no') return [true, false];
  if (source.type === 'scale') {
    const values: number[] = [];
    for (let v = source.min ?? 1; v <= (source.max ?? 5) && values.length <= 10; v++) values.push(v);
    return values;
  }
  return (source.options ?? []).map((o) => o.id);
}

const text = (s: string) => s.trim();

/** A field as sent: trimmed labels, no empty English, only the properties its type uses. */
export function cleanField(field: FormField): FormField {
  const label = (l: { ja: string; en?: string }) => (l.en?.trim() ? { ja: text(l.ja), en: text(l.en) } : { ja: text(l.ja) });
  const choice = field.type === 'single_choice' || field.type === 'multiple_choice';
  const ranged = field.type === 'scale' || field.type === 'number';
  // multiple_choice and file use `max` as the most items to give.
  const capped = ranged || field.type === 'multiple_choice' || field.type === 'file';
  const out: FormField = { id: field.id, type: field.type, label: label(field.label), required: field.required ?? false };
  if (field.help?.ja.trim()) out.help = label(field.help);
  if (choice) out.options = (field.options ?? []).map((o) => ({ id: o.id, label: label(o.label) }));
  if (ranged && field.min !== undefined) out.min = field.min;
  if (capped && field.max !== undefined) out.max = field.max;
  if ((field.type === 'short_text' || field.type === 'long_text') && field.maxLength !== undefined) out.maxLength = field.maxLength;
  if (field.showIf) out.showIf = field.showIf;
  return out;
}

/** Everything to correct before sending: the shared definition rules, and what the builder adds (labels, dates, audience). */
export function builderProblems(state: BuilderState): BuilderProblems {
  const fields = state.fields.map(cleanField);
  const indexOf = (id: string) => fields.findIndex((f) => f.id === id);
  const problems: BuilderProblems['fields'] = formDefinitionProblems(fields).map((p) => ({ ...p, index: indexOf(p.field) }));
  const refused = new Set(filesRefused({ ...state, fields }).map((f) => f.id));
  fields.forEach((f, index) => {
    if (!f.label.ja) problems.push({ field: f.id, index, code: 'label_missing' });
    if (f.options?.some((o) => !o.label.ja)) problems.push({ field: f.id, index, code: 'option_label_missing' });
    if (refused.has(f.id)) problems.push({ field: f.id, index, code: 'file_in_anonymous' });
    // A condition naming an option that has since been removed would never show the field.
    const source = f.showIf ? fields.slice(0, index).find((s) => s.id === f.showIf?.field) : undefined;
    if (f.showIf && source && !conditionValues(source).includes(f.showIf.equals) && !problems.some((p) => p.field === f.id && p.code === 'bad_condition')) {
      problems.push({ field: f.id, index, code: 'bad_condition' });
    }
  });
  problems.sort((a, b) => a.index - b.index);
  const opens = fromLocalInput(state.opensAt);
  const closes = fromLocalInput(state.closesAt);
  const a = state.audience;
  return {
    title: !state.title.trim(),
    audience: !(a.all || a.units.length > 0 || a.roles.length > 0 || a.members.length > 0),
    closesBeforeOpens: closes !== null && closes <= (opens ?? Date.now()),
    fields: problems,
  };
}

export function hasProblems(p: BuilderProblems): boolean {
  return p.title || p.audience || p.closesBeforeOpens || p.fields.length > 0;
}

/** What POST/PUT /api/forms receives. */
export function toFormInput(state: BuilderState, status: FormInput['status'], now: number = Date.now()): FormInput {
  const survey = state.kind === 'survey';
  const anonymous = survey && state.anonymous;
  return {
    kind: state.kind,
    title: state.title.trim(),
    description: state.description.trim(),
    // Empty English is sent as such: on an edit it removes the English.
    titleEn: state.titleEn.trim(),
    descriptionEn: state.descriptionEn.trim(),
    fields: state.fields.map(cleanField),
    steps: survey ? [] : state.steps,
    audience: state.audience.all ? { all: true, units: [], roles: [], members: [] } : state.audience,
    status,
    opensAt: fromLocalInput(state.opensAt) ?? now,
    closesAt: fromLocalInput(state.closesAt),
    anonymous,
    // Anonymous answers cannot be changed (nothing links them to their member).
    allowEdit: survey && !anonymous && state.allowEdit,
  };
}
