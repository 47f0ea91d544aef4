import { usePublishedNotices, useReadIds } from './use-notices.ts';

/** How many published notices on the device this member has not opened; null while loading (the お知らせ tab's badge). */
export function useUnreadNoticeCount(): number | null {
  const notices = usePublishedNotices();
  const reads = useReadIds();
  if (notices === undefined || reads === undefined) return null;
  return notices.filter((n) => !reads.has(n.id)).length;
}

/** The home card's count (undefined while loading). */
export function useUnreadNoticeCountForHome(): number | undefined {
  return useUnreadNoticeCount() ?? undefined;
}
