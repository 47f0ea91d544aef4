import { describe, expect, it } from 'vitest';
import { rememberReturn, takeReturn } from './return-to.ts';

describe('where a member was going before signing in', () => {
  it('is given back once, with its fragment (a credential letter’s link)', () => {
    rememberReturn('/elections/e1/vote#credential=abc-def');
    expect(takeReturn()).toBe('/elections/e1/vote#credential=abc-def');
    expect(takeReturn()).toBeNull();
  });

  it('is never another site or the sign-in page itself', () => {
    for (const href of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/', '/sign-in']) {
      rememberReturn(href);
      expect(takeReturn()).toBeNull();
    }
  });
});
