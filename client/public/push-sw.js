/* global self */
// Web Push for Kumiai, imported by the generated service worker (vite.config.ts, workbox.importScripts).
// Plain script: the service worker cannot read the app's chosen language, so the browser's language decides.

'use strict';

const ICON = '/icons/icon-192.png';

const BODIES = {
  ja: {
    notice: '新しいお知らせ', reminder: '未読のお知らせがあります', application: '申請', form: 'アンケートへの回答をお願いします', election: 'まだ投票していない選挙があります',
    meeting: '会議のお知らせ', meeting_remind: '会議の出欠を回答してください', meeting_changed: '会議の日時・場所が変わりました', meeting_cancelled: '会議は中止になりました', meeting_upcoming: '24時間以内に始まる会議があります',
  },
  en: {
    notice: 'New notice', reminder: 'You have an unread notice', application: 'Application', form: 'Please answer the survey', election: 'You have not voted in an election yet',
    meeting: 'Meeting', meeting_remind: 'Please say whether you will attend the meeting', meeting_changed: 'The meeting’s date, time or place changed', meeting_cancelled: 'The meeting was cancelled', meeting_upcoming: 'A meeting starts within 24 hours',
  },
};
const TYPES = ['notice', 'reminder', 'application', 'form', 'election', 'meeting', 'consultation'];
const MEETING_REASONS = ['remind', 'changed', 'cancelled', 'upcoming'];
// Consultations (issue 21): something changed in a case of the recipient's (officers assigned, a reply, a status); never its content.
BODIES.ja.consultation = '相談窓口から連絡があります';
BODIES.en.consultation = 'News about your consultation';

/**
 * The message as the server sends it ({type, title, url} with noticeId, applicationId, formId, electionId or meetingId and reason);
 * anything else is shown generically. `tag` keeps one notification per notice, application, survey, election or meeting.
 */
function parse(event) {
  let data = null;
  try {
    data = event.data ? event.data.json() : null;
  } catch {
    data = null;
  }
  if (!data || typeof data !== 'object') data = {};
  const type = TYPES.includes(data.type) ? data.type : 'notice';
  return {
    type,
    body: type === 'meeting' && MEETING_REASONS.includes(data.reason) ? `meeting_${data.reason}` : type,
    noticeId: typeof data.noticeId === 'string' ? data.noticeId : '',
    tag: [data.noticeId, data.applicationId, data.formId, data.electionId, data.meetingId, data.caseId].find((id) => typeof id === 'string' && id !== '') || '',
    title: typeof data.title === 'string' && data.title.trim() ? data.title : 'Kumiai 組合',
    url: typeof data.url === 'string' ? data.url : '/',
  };
}

/** An address inside this app only: another origin (or a malformed path) opens the home page instead. */
function sameOriginUrl(path) {
  try {
    const url = new URL(path, self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL('/', self.location.origin).href;
  } catch {
    return new URL('/', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  const message = parse(event);
  const lang = String(self.navigator.language || 'ja').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const options = {
    body: BODIES[lang][message.body],
    icon: ICON,
    lang,
    data: { url: message.url, noticeId: message.noticeId, type: message.type },
  };
  // One notification per notice, application or survey: a later one replaces the earlier, and says so.
  if (message.tag) options.tag = message.tag;
  if (message.type !== 'notice') options.renotify = Boolean(message.tag);
  event.waitUntil(self.registration.showNotification(message.title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const target = sameOriginUrl(typeof data.url === 'string' ? data.url : '/');
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        // navigate() works only on a window this worker controls; otherwise a new window opens the notice.
        try {
          const focused = await open.focus();
          if (focused.url !== target) await focused.navigate(target);
          return;
        } catch {
          // fall through to a new window
        }
      }
      await self.clients.openWindow(target);
    })(),
  );
});
