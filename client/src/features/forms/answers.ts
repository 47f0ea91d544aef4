import { visibleFields, type Answer, type Answers, type FieldProblem, type FieldProblemCode, type FormField } from '@kumiai/shared';

/**
 * Pure helpers for editing answers in the form screens: the renderer keeps an
 * `Answers` object and every change goes through these, so what is sent is
 * always in the shape validateAnswers() (and the server) expects.
 */

const isEmpty = (value: Answer | null | undefined): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The answers with one field set; an empty value removes the key (an unanswered field is absent, not ''). */
export function withAnswer(answers: Answers, fieldId: string, value: Answer | null): Answers {
  const next: Answers = { ...answers };
  if (isEmpty(value)) delete next[fieldId];
  else next[fieldId] = value;
  return next;
}

/** A multiple-choice answer with one option ticked or unticked, in the form's option order. */
export function toggleChoice(field: FormField, current: Answer | null | undefined, optionId: string, on: boolean): string[] {
  const chosen = new Set(Array.isArray(current) ? (current as unknown[]).filter((v): v is string => typeof v === 'string') : []);
  if (on) chosen.add(optionId);
  else chosen.delete(optionId);
  return (field.options ?? []).map((o) => o.id).filter((id) => chosen.has(id));
}

/**
 * What a number box holds as an answer: nothing, a number (full-width digits
 * and a decimal comma accepted), or the text as typed when it is not a number,
 * so validation says "enter a number" instead of the input silently dropping it.
 */
export function numberAnswer(text: string): number | string | null {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(/,/g, '.').replace(/[\s_]/g, ''));
  return Number.isFinite(value) && /\d/.test(trimmed) ? value : text;
}

/** The answers to send: only fields shown now (a condition turned off drops its dependants' answers), nothing empty. */
export function answersToSend(fields: readonly FormField[], answers: Answers): Answers {
  const shown = new Set(visibleFields(fields, answers).map((f) => f.id));
  const out: Answers = {};
  for (const field of fields) {
    const value = answers[field.id];
    if (shown.has(field.id) && !isEmpty(value)) out[field.id] = value;
  }
  return out;
}

/** A scale's steps, min..max (1..5 unless the form says otherwise). */
export function scaleSteps(field: FormField): number[] {
  const min = field.min ?? 1;
  const max = field.max ?? 5;
  const steps: number[] = [];
  for (let v = min; v <= max; v++) steps.push(v);
  return steps;
}

/** The first problem of each field. */
export function problemsByField(problems: readonly FieldProblem[]): ReadonlyMap<string, FieldProblemCode> {
  const map = new Map<string, FieldProblemCode>();
  for (const p of problems) if (!map.has(p.field)) map.set(p.field, p.code);
  return map;
}

/** Problems that block saving a draft: a draft may leave required fields empty (as the server's rule says). */
export function draftProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.filter((p) => p.code !== 'required');
}

/** The id of a field's first control, for labels, anchors and focus. */
export function fieldInputId(fieldId: string): string {
  return `form-input-${fieldId}`;
}
