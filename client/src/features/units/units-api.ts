import type { CreateUnitRequest, UnitView, UpdateUnitRequest } from '@kumiai/shared';
import { apiGet, apiPatch, apiPost } from '../../api/client.ts';

export function fetchUnits(signal?: AbortSignal): Promise<UnitView[]> {
  return apiGet<{ units: UnitView[] }>('/api/units', { signal }).then((r) => r.units);
}

export function createUnit(request: CreateUnitRequest): Promise<{ unit: UnitView }> {
  return apiPost('/api/units', request);
}

export function updateUnit(id: string, request: UpdateUnitRequest): Promise<unknown> {
  return apiPatch(`/api/units/${encodeURIComponent(id)}`, request);
}

export function archiveUnit(id: string): Promise<unknown> {
  return apiPost(`/api/units/${encodeURIComponent(id)}/archive`, {});
}
