import { describe, expect, it } from 'vitest';
import { validateAnswers, visibleFields, type FormField } from './fields.ts';

const l = (ja: string) => ({ ja });
const fields: FormField[] = [
  { id: 'kind', type: 'single_choice', label: l('種類'), required: true, options: [{ id: 'marriage', label: l('結婚') }, { id: 'birth', label: l('出産') }] },
  { id: 'date', type: 'date', label: l('日付'), required: true },
  { id: 'twins', type: 'yes_no', label: l('多胎'), showIf: { field: 'kind', equals: 'birth' } },
  { id: 'count', type: 'number', label: l('人数'), min: 2, max: 5, required: true, showIf: { field: 'twins', equals: true } },
  { id: 'topics', type: 'multiple_choice', label: l('関心'), options: [{ id: 'pay', label: l('賃金') }, { id: 'hours', label: l('時間') }, { id: 'safety', label: l('安全') }], max: 2 },
  { id: 'satisfaction', type: 'scale', label: l('満足度'), min: 1, max: 5 },
  { id: 'comment', type: 'long_text', label: l('意見'), maxLength: 10 },
  { id: 'name', type: 'short_text', label: l('氏名') },
  { id: 'proof', type: 'file', label: l('証明書'), max: 1 },
];

describe('form validation', () => {
  it('accepts a complete, well-formed set of answers', () => {
    expect(validateAnswers(fields, { kind: 'birth', date: '2026-02-28', twins: true, count: 2, topics: ['pay'], satisfaction: 4, comment: '十文字以内です', name: '山田', proof: [{ hash: 'a'.repeat(64), name: 'x.pdf', type: 'application/pdf', size: 10 }] })).toEqual([]);
  });

  it('shows conditional fields only when their condition holds, transitively', () => {
    expect(visibleFields(fields, { kind: 'marriage' }).map((f) => f.id)).not.toContain('twins');
    expect(visibleFields(fields, { kind: 'birth' }).map((f) => f.id)).toContain('twins');
    expect(visibleFields(fields, { kind: 'birth', twins: false }).map((f) => f.id)).not.toContain('count');
    // count depends on twins, which is hidden for a marriage: hidden too, even with twins answered.
    expect(visibleFields(fields, { kind: 'marriage', twins: true }).map((f) => f.id)).not.toContain('count');
  });

  it.each([
    [{ date: '2026-01-01' }, [{ field: 'kind', code: 'required' }]],
    [{ kind: 'divorce', date: '2026-01-01' }, [{ field: 'kind', code: 'not_an_option' }]],
    [{ kind: 'marriage', date: '2026-02-30' }, [{ field: 'date', code: 'bad_date' }]],
    [{ kind: 'marriage', date: '2026/1/1' }, [{ field: 'date', code: 'bad_date' }]],
    [{ kind: 'birth', date: '2026-01-01', twins: true }, [{ field: 'count', code: 'required' }]],
    [{ kind: 'birth', date: '2026-01-01', twins: true, count: 9 }, [{ field: 'count', code: 'out_of_range' }]],
    [{ kind: 'birth', date: '2026-01-01', twins: true, count: 'two' }, [{ field: 'count', code: 'bad_number' }]],
    [{ kind: 'marriage', date: '2026-01-01', twins: true }, [{ field: 'twins', code: 'hidden_field_answered' }]],
    [{ kind: 'marriage', date: '2026-01-01', topics: ['pay', 'hours', 'safety'] }, [{ field: 'topics', code: 'too_many' }]],
    [{ kind: 'marriage', date: '2026-01-01', topics: ['pay', 'pay'] }, [{ field: 'topics', code: 'not_an_option' }]],
    [{ kind: 'marriage', date: '2026-01-01', satisfaction: 2.5 }, [{ field: 'satisfaction', code: 'out_of_range' }]],
    [{ kind: 'marriage', date: '2026-01-01', satisfaction: 0 }, [{ field: 'satisfaction', code: 'out_of_range' }]],
    [{ kind: 'marriage', date: '2026-01-01', comment: 'これは十一文字の意見です' }, [{ field: 'comment', code: 'too_long' }]],
    [{ kind: 'marriage', date: '2026-01-01', name: 42 }, [{ field: 'name', code: 'wrong_type' }]],
    [{ kind: 'marriage', date: '2026-01-01', isAdmin: true }, [{ field: 'isAdmin', code: 'unknown_field' }]],
  ])('refuses %j', (answers, problems) => {
    expect(validateAnswers(fields, answers as never)).toEqual(problems);
  });
});
