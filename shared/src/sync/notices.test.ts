import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_CATEGORY, shownNoticeCategory } from './notices.ts';

describe('the category shown beside a notice', () => {
  it('is the one its author named', () => {
    expect(shownNoticeCategory('春闘')).toBe('春闘');
  });

  it('is none for the default the server gives a notice without one (members never see "general")', () => {
    expect(shownNoticeCategory(DEFAULT_NOTICE_CATEGORY)).toBeNull();
    expect(shownNoticeCategory('')).toBeNull();
    expect(shownNoticeCategory(undefined)).toBeNull();
  });
});
