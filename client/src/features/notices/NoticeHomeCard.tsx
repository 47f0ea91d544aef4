import { NoticeFeed } from './NoticeFeed.tsx';

/** The member home's notices: the unread ones, pinned on top, with a way to all of them. */
export function NoticeHomeCard() {
  return <NoticeFeed variant="home" />;
}
