import { describe, expect, it } from 'vitest';
import { emptyDraft, itemInput } from './publish-input.ts';

describe('itemInput', () => {
  it('publishes a notice without the action fields typed before switching kind', () => {
    const result = itemInput({ ...emptyDraft, kind: 'notice', title: ' 春闘方針 ', body: '本文', actionDay: '2027-03-12', demand: '賃上げ', question: '参加しますか' });
    expect(result).toEqual({ input: { kind: 'notice', title: '春闘方針', body: '本文' } });
  });

  it('gives an action its day at local midnight, its demand and question, and the suggested audience', () => {
    const result = itemInput({ ...emptyDraft, kind: 'action', title: '統一行動', body: '', actionDay: '2027-03-12', demand: ' 賃上げ ', question: '', defaultAudience: 'all' });
    expect(result).toEqual({ input: { kind: 'action', title: '統一行動', body: '', actionDate: new Date(2027, 2, 12).getTime(), demand: '賃上げ', defaultAudience: 'all' } });
  });

  it('carries the uploaded materials, and none when there are none', () => {
    const file = { hash: 'a'.repeat(64), name: '方針.pdf', type: 'application/pdf' as const, size: 1200 };
    expect(itemInput({ ...emptyDraft, title: '方針', materials: [file] })).toEqual({ input: { kind: 'notice', title: '方針', body: '', materials: [file] } });
    expect('materials' in ((itemInput({ ...emptyDraft, title: '方針' }) as { input: object }).input)).toBe(false);
  });

  it('asks for a title, and for an action’s day', () => {
    expect(itemInput({ ...emptyDraft, title: '  ' })).toEqual({ missing: 'title' });
    expect(itemInput({ ...emptyDraft, kind: 'action', title: '統一行動' })).toEqual({ missing: 'date' });
    expect(itemInput({ ...emptyDraft, kind: 'action', title: '統一行動', actionDay: 'not a day' })).toEqual({ missing: 'date' });
  });
});
