import type { Answer, FormField } from '@kumiai/shared';

export type FileAnswer = { hash: string; name: string; type: string; size: number }[];

/** Whether an answer is a list of attached files (shown as links, not text). */
export function isFileAnswer(field: FormField, value: Answer): value is FileAnswer {
  return field.type === 'file' && Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null);
}
