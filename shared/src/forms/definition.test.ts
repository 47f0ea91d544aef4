import { describe, expect, it } from 'vitest';
import { formInputProblems } from './definition.ts';
import type { FormField } from './fields.ts';

const l = (ja: string) => ({ ja });
const text: FormField = { id: 'q1', type: 'short_text', label: l('意見') };
const file: FormField = { id: 'f1', type: 'file', label: l('写真') };
const step = { role: 'officer' as const, level: 0 };
const base = { kind: 'survey' as const, fields: [text], steps: [], anonymous: false, opensAt: 1000, closesAt: null };
const codes = (input: Parameters<typeof formInputProblems>[0]) => formInputProblems(input).map(({ field, code }) => ({ field, code }));

describe('formInputProblems: the rules of a whole form definition', () => {
  it('accepts a plain named survey, and one that closes after it opens', () => {
    expect(codes(base)).toEqual([]);
    expect(codes({ ...base, closesAt: 1001 })).toEqual([]);
  });

  it('an anonymous survey cannot take a file (a file records who sent it); a named one can', () => {
    expect(codes({ ...base, anonymous: true, fields: [text, file] })).toEqual([{ field: 'f1', code: 'file_in_anonymous' }]);
    expect(codes({ ...base, fields: [text, file] })).toEqual([]);
  });

  it('a survey has no approval steps, and an application is never anonymous', () => {
    expect(codes({ ...base, steps: [step] })).toEqual([{ field: '', code: 'steps' }]);
    expect(codes({ ...base, kind: 'application', anonymous: true })).toEqual([{ field: '', code: 'anonymous' }]);
    expect(codes({ ...base, kind: 'application', steps: [step] })).toEqual([]);
  });

  it('a form must close after it opens', () => {
    expect(codes({ ...base, closesAt: 1000 })).toEqual([{ field: '', code: 'closes_before_opening' }]);
  });

  it('reports the fields’ own problems all together before any form-level one', () => {
    expect(codes({ ...base, anonymous: true, closesAt: 0, fields: [text, { ...text }, file] })).toEqual([{ field: 'q1', code: 'duplicate_id' }]);
  });
});
