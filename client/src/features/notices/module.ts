import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { noticeCollections } from './collections.ts';
import { FileCacheKeeper } from './FileCacheKeeper.tsx';
import { commentsEn, commentsJa, noticesEn, noticesJa } from './messages.ts';
import { NoticeFeed } from './NoticeFeed.tsx';
import { NoticeReminders } from './NoticeReminders.tsx';
import { noticeUnreadRoute } from './notice-unread-route.tsx';
import { remindersEn, remindersJa } from './reminders-messages.ts';
import { noticeEditRoute } from './notice-edit-route.tsx';
import { noticeNewRoute } from './notice-new-route.tsx';
import { noticeReadRateRoute } from './notice-read-rate-route.tsx';
import { noticeRoute } from './notice-route.tsx';

/** Notices, their read receipts and comments. */
export const noticesModule = defineModule({
  name: 'notices',
  collections: noticeCollections,
  routes: [noticeNewRoute, noticeRoute, noticeReadRateRoute, noticeUnreadRoute, noticeEditRoute],
  nav: [{ id: 'notices', label: (m) => m.nav.notices, to: '/notices/new', visible: (me) => mayUse(me, 'notices') }],
  homeCards: [
    { id: 'notice-reminders', component: NoticeReminders },
    { id: 'notices', component: NoticeFeed },
  ],
  // Keeps the device's copies of attachments the member can still read (and drops the others).
  background: [FileCacheKeeper],
  messages: { ja: { notices: noticesJa, comments: commentsJa, reminders: remindersJa }, en: { notices: noticesEn, comments: commentsEn, reminders: remindersEn } },
});
