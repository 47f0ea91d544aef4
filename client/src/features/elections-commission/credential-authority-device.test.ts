import { describe, expect, it } from 'vitest';
import { groupOps, isValidSecretCredential, publicCredential } from '@kumiai/shared/elections/crypto/index';
import { makeLetters, voteLink } from './credential-authority-device.ts';

const UUID = 'Ad7nAG2Ckj9KA9';

describe("the credential authority's device", () => {
  it('makes one distinct valid secret per roll entry whose public part is g^s for this election', async () => {
    const entries = [1, 2, 3].map((i) => ({ memberId: `m${i}`, employeeNumber: `${i}`, name: `組合員${i}`, unitPath: ['本部'], memberClass: 'regular', weight: i }));
    const seen: number[] = [];
    const letters = await makeLetters(UUID, entries, (n) => seen.push(n));
    expect(seen).toEqual([1, 2, 3]);
    expect(letters.map((l) => [l.memberId, l.weight])).toEqual([['m1', 1], ['m2', 2], ['m3', 3]]);
    expect(new Set(letters.map((l) => l.secret)).size).toBe(3);
    const ops = groupOps('BELENIOS-2048');
    for (const l of letters) {
      expect(isValidSecretCredential(l.secret)).toBe(true);
      expect(l.credential).toBe(publicCredential(ops, UUID, l.secret).toString());
    }
  });

  it('puts the credential in the link’s fragment only', () => {
    const url = new URL(voteLink('https://kumiai.example', 'e 1', 'abc-DEF-ghi-JKL-mno'));
    expect(url.pathname).toBe('/elections/e%201/vote');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.hash)).toBe('#credential=abc-DEF-ghi-JKL-mno');
  });
});
