/**
 * The form engine's rules, shared by the client (to help while filling in,
 * offline) and the server (to refuse what the client let through): field
 * types, required fields, simple conditional display, and validation.
 */

export const fieldTypes = ['single_choice', 'multiple_choice', 'scale', 'short_text', 'long_text', 'number', 'date', 'yes_no', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FormField {
  id: string;
  type: FieldType;
  label: { ja: string; en?: string };
  required?: boolean;
  /** single_choice / multiple_choice */
  options?: { id: string; label: { ja: string; en?: string } }[];
  /** scale and number bounds; multiple_choice: most options to pick */
  min?: number;
  max?: number;
  /** short_text (default 200) and long_text (default 4000) */
  maxLength?: number;
  /** Shown (and validated) only when another field has this answer. */
  showIf?: { field: string; equals: string | number | boolean };
}

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
