import type { SetupRequest, SetupStatus } from '@kumiai/shared';
import { apiPost } from '../../api/client.ts';

export type SetupState = SetupStatus['state'];

export function fetchSetupStatus(token: string, signal?: AbortSignal): Promise<SetupStatus> {
  return apiPost<SetupStatus>('/api/setup/status', { token }, { signal });
}

export function completeSetup(request: SetupRequest): Promise<{ ok: true }> {
  return apiPost<{ ok: true }>('/api/setup', request);
}
