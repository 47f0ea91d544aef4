import type { NoticeInput, NoticeVersion } from '@kumiai/shared';
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

/** Sends a push reminder to the audience members who have not read it; how many members it reached. */
export function remindUnread(id: string): Promise<{ members: number }> {
  return apiPost<{ members: number }>(`/api/notices/${encodeURIComponent(id)}/remind`, {});
}

export function fetchReadRate(id: string, signal?: AbortSignal): Promise<ReadRate> {
  return apiGet<ReadRate>(`/api/notices/${encodeURIComponent(id)}/read-rate`, signal ? { signal } : {});
}
