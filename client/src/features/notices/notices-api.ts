import type { NoticeInput, NoticeReminder, NoticeVersion, ReminderResult, UnreadByUnit } from '@kumiai/shared';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

export interface ReadRate {
  total: number;
  read: number;
  units: { unitId: string; unitName: string; total: number; read: number }[];
  unread: { memberId: string; employeeNumber: string; name: string; unitId: string }[];
}

export function publishNotice(input: NoticeInput): Promise<{ id: string }> {
  return apiPost<{ id: string }>('/api/notices', input);
}

/** Saves an edit of a notice; the server keeps the previous version in its history. */
export function updateNotice(id: string, input: NoticeInput): Promise<{ version: number }> {
  return apiPut<{ version: number }>(`/api/notices/${encodeURIComponent(id)}`, input);
}

export function fetchNoticeHistory(id: string, signal?: AbortSignal): Promise<{ versions: NoticeVersion[] }> {
  return apiGet<{ versions: NoticeVersion[] }>(`/api/notices/${encodeURIComponent(id)}/history`, signal ? { signal } : {});
}

/** Reminds the audience members who have not read it (a push where they have one, and in the app): how many were unread, pushed, without push. */
export function remindUnread(id: string): Promise<ReminderResult> {
  return apiPost<ReminderResult>(`/api/notices/${encodeURIComponent(id)}/remind`, {});
}

/** The unread members by workplace, for the printed list a delegate hands round. */
export function fetchUnreadByUnit(id: string, signal?: AbortSignal): Promise<UnreadByUnit> {
  return apiGet<UnreadByUnit>(`/api/notices/${encodeURIComponent(id)}/unread-by-unit`, signal ? { signal } : {});
}

/** The notices this member was reminded of and has not read yet. */
export async function fetchMyReminders(signal?: AbortSignal): Promise<NoticeReminder[]> {
  return (await apiGet<{ reminders: NoticeReminder[] }>('/api/me/notice-reminders', signal ? { signal } : {})).reminders;
}

export function fetchReadRate(id: string, signal?: AbortSignal): Promise<ReadRate> {
  return apiGet<ReadRate>(`/api/notices/${encodeURIComponent(id)}/read-rate`, signal ? { signal } : {});
}
