import type { FromSchema } from 'json-schema-to-ts';

/**
 * The form engine's rules, shared by the client (to help while filling in,
 * offline) and the server (to refuse what the client let through): field
 * types, required fields, simple conditional display, and validation.
 */

export const fieldTypes = ['single_choice', 'multiple_choice', 'scale', 'short_text', 'long_text', 'number', 'date', 'yes_no', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

const localizedText = {
  type: 'object',
  additionalProperties: false,
  required: ['ja'],
  properties: { ja: { type: 'string', minLength: 1, maxLength: 500 }, en: { type: 'string', maxLength: 500 } },
} as const;

/** One field of a form, as stored in a form's version and synced to devices. */
export const formFieldSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'label'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9_]{1,40}$', maxLength: 40 },
    type: { type: 'string', enum: fieldTypes },
    label: localizedText,
    /** A line of help under the label. */
    help: localizedText,
    required: { type: 'boolean' },
    /** single_choice / multiple_choice */
    options: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label'],
        properties: { id: { type: 'string', pattern: '^[a-z0-9_]{1,40}$', maxLength: 40 }, label: localizedText },
      },
    },
    /** scale and number bounds; multiple_choice and file: most items to give */
    min: { type: 'number' },
    max: { type: 'number' },
    /** short_text (default 200) and long_text (default 4000) */
    maxLength: { type: 'integer', minimum: 1, maximum: 20000 },
    /** Shown (and validated) only when an earlier field has this answer. */
    showIf: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'equals'],
      // anyOf, not a type list: Ajv's strict mode (RxDB's dev-mode validator) allows type unions only with null.
      properties: { field: { type: 'string', maxLength: 40 }, equals: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'number' }, { type: 'boolean' }] } },
    },
  },
} as const;
export type FormField = FromSchema<typeof formFieldSchema>;

export type Answer = string | number | boolean | string[] | { hash: string; name: string; type: string; size: number }[];
export type Answers = Record<string, Answer | null | undefined>;

export type FieldProblemCode = 'required' | 'not_an_option' | 'too_many' | 'out_of_range' | 'too_long' | 'bad_date' | 'bad_number' | 'wrong_type' | 'unknown_field' | 'hidden_field_answered';

export interface FieldProblem {
  field: string;
  code: FieldProblemCode;
}

const empty = (value: Answer | null | undefined) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The fields shown for these answers: a field whose condition is not met is hidden (and so are fields depending on hidden ones). */
export function visibleFields(fields: readonly FormField[], answers: Answers): FormField[] {
  const shown = new Set<string>();
  for (const field of fields) {
    // Conditions may only refer to earlier fields, so one pass in order suffices.
    if (!field.showIf || (shown.has(field.showIf.field) && answers[field.showIf.field] === field.showIf.equals)) shown.add(field.id);
  }
  return fields.filter((f) => shown.has(f.id));
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checkField(field: FormField, value: Answer): FieldProblemCode | null {
  switch (field.type) {
    case 'single_choice':
      if (typeof value !== 'string') return 'wrong_type';
      return field.options?.some((o) => o.id === value) ? null : 'not_an_option';
    case 'multiple_choice':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'wrong_type';
      if ((value as string[]).some((v) => !field.options?.some((o) => o.id === v)) || new Set(value as string[]).size !== value.length) return 'not_an_option';
      return field.max !== undefined && value.length > field.max ? 'too_many' : null;
    case 'scale':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return field.type === 'number' ? 'bad_number' : 'wrong_type';
      if (field.type === 'scale' && !Number.isInteger(value)) return 'out_of_range';
      const min = field.min ?? (field.type === 'scale' ? 1 : -Infinity);
      const max = field.max ?? (field.type === 'scale' ? 5 : Infinity);
      return value < min || value > max ? 'out_of_range' : null;
    }
    case 'short_text':
    case 'long_text':
      if (typeof value !== 'string') return 'wrong_type';
      return [...value].length > (field.maxLength ?? (field.type === 'short_text' ? 200 : 4000)) ? 'too_long' : null;
    case 'date':
      if (typeof value !== 'string') return 'wrong_type';
      return isIsoDate(value) ? null : 'bad_date';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'wrong_type';
    case 'file':
      if (!Array.isArray(value) || value.some((f) => typeof f !== 'object' || f === null || typeof (f as { hash?: unknown }).hash !== 'string')) return 'wrong_type';
      return field.max !== undefined && value.length > field.max ? 'too_many' : null;
  }
}

/**
 * Every problem with a set of answers, in field order: required fields that
 * are shown, values of the wrong shape, answers to unknown or hidden fields
 * (a hidden field's answer is refused, not silently kept).
 */
export function validateAnswers(fields: readonly FormField[], answers: Answers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.id));
  const shown = new Set(visibleFields(fields, answers).map((f) => f.id));
  for (const field of fields) {
    const value = answers[field.id];
    if (!shown.has(field.id)) {
      if (!empty(value)) problems.push({ field: field.id, code: 'hidden_field_answered' });
      continue;
    }
    if (empty(value)) {
      if (field.required) problems.push({ field: field.id, code: 'required' });
      continue;
    }
    const code = checkField(field, value as Answer);
    if (code) problems.push({ field: field.id, code });
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) problems.push({ field: id, code: 'unknown_field' });
  return problems;
}

export type DefinitionProblemCode = 'duplicate_id' | 'no_options' | 'duplicate_option' | 'bad_bounds' | 'bad_condition' | 'no_fields';

/**
 * Problems with a form's definition (the officer's builder shows them; the
 * server refuses a form that has any): unique ids, options for choice fields,
 * sane bounds, and conditions that refer to an earlier field.
 */
export function formDefinitionProblems(fields: readonly FormField[]): { field: string; code: DefinitionProblemCode }[] {
  const problems: { field: string; code: DefinitionProblemCode }[] = [];
  if (fields.length === 0) problems.push({ field: '', code: 'no_fields' });
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.id)) problems.push({ field: field.id, code: 'duplicate_id' });
    const choice = field.type === 'single_choice' || field.type === 'multiple_choice';
    if (choice && (field.options?.length ?? 0) < 2) problems.push({ field: field.id, code: 'no_options' });
    if (choice && new Set(field.options?.map((o) => o.id)).size !== (field.options?.length ?? 0)) problems.push({ field: field.id, code: 'duplicate_option' });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ field: field.id, code: 'bad_bounds' });
    if (field.type === 'scale' && ((field.min ?? 1) < 0 || (field.max ?? 5) > 10 || !Number.isInteger(field.min ?? 1) || !Number.isInteger(field.max ?? 5))) problems.push({ field: field.id, code: 'bad_bounds' });
    if (field.showIf && (!seen.has(field.showIf.field) || field.showIf.field === field.id)) problems.push({ field: field.id, code: 'bad_condition' });
    seen.add(field.id);
  }
  return problems;
}
