import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { noticeCollections } from './collections.ts';
import { FileCacheKeeper } from './FileCacheKeeper.tsx';
import { commentsEn, commentsJa, noticesEn, noticesJa } from './messages.ts';
import { NoticeReminders } from './NoticeReminders.tsx';
import { noticeUnreadRoute } from './notice-unread-route.tsx';
import { remindersEn, remindersJa } from './reminders-messages.ts';
import { format } from '../../i18n/format.ts';
import { BellIcon } from '../../ui/icons.tsx';
import { noticesHomeEn, noticesHomeJa } from './home-messages.ts';
import { LowReadNoticesCard } from './LowReadNoticesCard.tsx';
import { NoticeHomeCard } from './NoticeHomeCard.tsx';
import { noticesRoute } from './notices-route.tsx';
import { useUnreadNoticeCount, useUnreadNoticeCountForHome } from './use-unread.ts';
import { noticeEditRoute } from './notice-edit-route.tsx';
import { noticeNewRoute } from './notice-new-route.tsx';
import { noticeReadRateRoute } from './notice-read-rate-route.tsx';
import { noticeRoute } from './notice-route.tsx';

/** Notices, their read receipts and comments. */
export const noticesModule = defineModule({
  name: 'notices',
  collections: noticeCollections,
  routes: [noticesRoute, noticeNewRoute, noticeRoute, noticeReadRateRoute, noticeUnreadRoute, noticeEditRoute],
  nav: [{ id: 'notices', label: (m) => m.nav.notices, to: '/notices/new', visible: (me) => mayUse(me, 'notices'), group: 'outreach' }],
  tabs: [{ id: 'notices', label: (m) => m.tabs.notices, to: '/notices', order: 20, icon: BellIcon, useBadge: useUnreadNoticeCount, badgeLabel: (m, n) => format(m.tabs.unread, { n }) }],
  homeCards: [
    // The notices the union reminded this member of (in-app, also when they have no push): above the feed.
    { id: 'notice-reminders', component: NoticeReminders, order: 5 },
    { id: 'notices', component: NoticeHomeCard, order: 10, useCount: useUnreadNoticeCountForHome },
    { id: 'notices-low-read', component: LowReadNoticesCard, audience: 'officer', order: 30, visible: (me) => mayUse(me, 'notices') },
  ],
  // Keeps the device's copies of attachments the member can still read (and drops the others).
  background: [FileCacheKeeper],
  messages: { ja: { notices: noticesJa, comments: commentsJa, noticesHome: noticesHomeJa, reminders: remindersJa }, en: { notices: noticesEn, comments: commentsEn, noticesHome: noticesHomeEn, reminders: remindersEn } },
});
