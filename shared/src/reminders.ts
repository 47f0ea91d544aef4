/**
 * `POST /api/notices/:id/remind`: who was unread, how many of them a push
 * reached, and how many have no push subscription at all (the app can then say
 * "nobody has notifications on" and offer the printable list). Every unread
 * member also sees the reminder in the app (`GET /api/me/notice-reminders`).
 * `members` is `pushed` under its earlier name.
 */
export interface ReminderResult {
  unread: number;
  pushed: number;
  withoutPush: number;
  members: number;
}

/** `GET /api/me/notice-reminders`: reminded notices the member has not read yet, newest reminder first. */
export interface NoticeReminder {
  noticeId: string;
  title: string;
  remindedAt: number;
}

/** `GET /api/notices/:id/unread-by-unit`: the unread members of the audience by unit, for the workplace delegates' printed list. */
export interface UnreadByUnit {
  notice: { id: string; title: string; publishAt: number };
  total: number;
  unread: number;
  units: {
    unitId: string;
    /** Names from the union down to the unit (本部 › 東京支部 › 本社分会). */
    unitPath: string[];
    members: { memberId: string; employeeNumber: string; name: string }[];
  }[];
}
