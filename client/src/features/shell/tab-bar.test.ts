import { describe, expect, it } from 'vitest';
import { tabIsCurrent } from './TabBar.tsx';

describe('the current tab', () => {
  it('is ホーム only on the home page, and another tab on its own path and the pages under it', () => {
    expect(tabIsCurrent('/', '/')).toBe(true);
    expect(tabIsCurrent('/', '/notices')).toBe(false);
    expect(tabIsCurrent('/notices', '/notices')).toBe(true);
    expect(tabIsCurrent('/notices', '/notices/abc')).toBe(true);
    expect(tabIsCurrent('/forms', '/forms/f1/results')).toBe(true);
    // A path that only starts with the same letters is another place.
    expect(tabIsCurrent('/me', '/members')).toBe(false);
    expect(tabIsCurrent('/documents', '/documentsx')).toBe(false);
  });
});
