import type { FormInput } from './api.ts';
import { formDefinitionProblems, type DefinitionProblemCode, type FormField } from './fields.ts';

export type FormInputProblemCode = DefinitionProblemCode | 'steps' | 'anonymous' | 'file_in_anonymous' | 'closes_before_opening';

export interface FormInputProblem {
  field: string;
  code: FormInputProblemCode;
  /** For developers (the client shows its own text per code). */
  message: string;
}

/**
 * The rules of a form definition as a whole: its fields' own problems
 * (formDefinitionProblems) all together, or else the first of the form-level
 * ones, in this order. An empty list: the definition may be saved.
 */
export function formInputProblems(input: Pick<FormInput, 'kind' | 'fields' | 'steps' | 'anonymous' | 'opensAt' | 'closesAt'>): FormInputProblem[] {
  const fields = formDefinitionProblems(input.fields);
  if (fields.length > 0) return fields.map((p) => ({ ...p, message: 'The form has problems' }));
  if (input.kind === 'survey' && input.steps.length > 0) return [{ field: '', code: 'steps', message: 'A survey has no approval steps' }];
  if (input.kind === 'application' && input.anonymous) return [{ field: '', code: 'anonymous', message: 'An application is never anonymous' }];
  const [file] = filesRefused(input);
  if (file) return [{ field: file.id, code: 'file_in_anonymous', message: 'An anonymous survey cannot ask for files' }];
  if (input.closesAt !== null && input.closesAt <= input.opensAt) return [{ field: '', code: 'closes_before_opening', message: 'The form must close after it opens' }];
  return [];
}

/** The file fields a form may not have: an upload records who made it, so an anonymous survey cannot take one (`file_in_anonymous`). */
export function filesRefused(input: Pick<FormInput, 'kind' | 'fields' | 'anonymous'>): FormField[] {
  return input.kind === 'survey' && input.anonymous ? input.fields.filter((f) => f.type === 'file') : [];
}
