import { describe, expect, it } from 'vitest';
import { replaceInCredentialList, writeCredentialList } from './credential-list.ts';

describe('the public credential list L', () => {
  it('is written sorted by credential, with weights only when one differs from 1', () => {
    expect(writeCredentialList([{ key: 30n, weight: 1n }, { key: 7n, weight: 1n }])).toEqual(['7', '30']);
    expect(writeCredentialList([{ key: 30n, weight: 1n }, { key: 7n, weight: 5n }])).toEqual(['7,5', '30,1']);
  });

  it('re-issue strikes the old credential and lists the new one with the same weight, in sorted place', () => {
    expect(replaceInCredentialList(['7,5', '30,1', '41,1'], 7n, 35n)).toEqual(['30,1', '35,5', '41,1']);
    expect(replaceInCredentialList(['7', '30'], 30n, 2n)).toEqual(['2', '7']);
  });

  it('refuses an old credential that is not listed, a new one that already is, and a malformed line', () => {
    expect(() => replaceInCredentialList(['7', '30'], 8n, 9n)).toThrow(/not in the list/);
    expect(() => replaceInCredentialList(['7', '30'], 7n, 30n)).toThrow(/already/);
    expect(() => replaceInCredentialList(['7', 'x'], 7n, 9n)).toThrow(/malformed/);
  });
});
