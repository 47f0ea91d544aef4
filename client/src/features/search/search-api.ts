import type { SearchResult } from '@kumiai/shared';
import { apiGet } from '../../api/client.ts';

export const PAGE_SIZE = 20;

export function searchServer(q: string, offset: number, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams({ q, limit: String(PAGE_SIZE), offset: String(offset) });
  return apiGet<SearchResult>(`/api/search?${params.toString()}`, signal ? { signal } : {});
}
