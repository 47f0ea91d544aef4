import { describe, expect, it } from 'vitest';
import { defaultInboxFilter, inboxQuery } from './inbox-query.ts';

describe('inboxQuery', () => {
  it('asks only for what the officer can act on by default', () => {
    expect(inboxQuery(defaultInboxFilter)).toBe('?mine=1');
  });

  it('leaves out unset filters, keeps step 0, and encodes values', () => {
    expect(inboxQuery({ ...defaultInboxFilter, mine: false })).toBe('');
    expect(inboxQuery({ state: 'in_review', step: 0, unit: 'u 1&x', form: '', mine: false })).toBe('?state=in_review&step=0&unit=u+1%26x');
  });

  it('adds the cursor of the next page after the filters', () => {
    expect(inboxQuery({ ...defaultInboxFilter, state: 'approved', form: 'f1' }, 'abc/=')).toBe('?state=approved&form=f1&mine=1&cursor=abc%2F%3D');
  });
});
