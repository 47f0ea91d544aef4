import type { Attachment, NoticeInput } from '@kumiai/shared';
import { apiGet, apiPost, apiRequest } from '../../api/client.ts';

export interface ReadRate {
  total: number;
  read: number;
  units: { unitId: string; unitName: string; total: number; read: number }[];
  unread: { memberId: string; employeeNumber: string; name: string; unitId: string }[];
}

/** Sends a picked file as its raw bytes; the server checks its type from the content. */
export function uploadFile(file: File): Promise<Attachment> {
  return apiRequest<Attachment>('POST', `/api/uploads?name=${encodeURIComponent(file.name)}`, file, { contentType: 'application/octet-stream' });
}

export function publishNotice(input: NoticeInput): Promise<{ id: string }> {
  return apiPost<{ id: string }>('/api/notices', input);
}

export function fetchReadRate(id: string, signal?: AbortSignal): Promise<ReadRate> {
  return apiGet<ReadRate>(`/api/notices/${encodeURIComponent(id)}/read-rate`, signal ? { signal } : {});
}

export function fileUrl(hash: string): string {
  return `/api/files/${hash}`;
}
