import type { AssigneesInput, ConsultationFile, ConsultationSettings, ConsultationStats, ConsultationStatus, DeskCase, Officer } from '@kumiai/shared';
import { apiGet, apiPost, apiPut, apiRequest, query } from '../../api/client.ts';

/**
 * The consultations' online calls (shared/src/consultations/api.ts). Cases,
 * replies and notes themselves are written to the synced collection, never here.
 */

/** A photo or PDF for a case, sent as its bytes; the server keeps it encrypted and answers its id. */
export function uploadConsultationFile(blob: Blob, name: string): Promise<ConsultationFile> {
  return apiRequest<ConsultationFile>('POST', `/api/consultations/files${query({ name })}`, blob, { contentType: 'application/octet-stream' });
}

export function consultationFileUrl(id: string): string {
  return `/api/consultations/files/${encodeURIComponent(id)}`;
}

/** The member asks for the case's content to be deleted now (the counts stay). */
export function eraseCase(caseId: string): Promise<unknown> {
  return apiPost(`/api/consultations/${encodeURIComponent(caseId)}/erase`, {});
}

export function fetchDesk(signal: AbortSignal): Promise<{ cases: DeskCase[] }> {
  return apiGet('/api/consultations/desk', { signal });
}

export function fetchCandidates(caseId: string, signal?: AbortSignal): Promise<{ officers: Officer[] }> {
  return apiGet(`/api/consultations/${encodeURIComponent(caseId)}/candidates`, signal ? { signal } : {});
}

export function assignOfficers(caseId: string, input: AssigneesInput): Promise<DeskCase> {
  return apiPut(`/api/consultations/${encodeURIComponent(caseId)}/assignees`, input);
}

export function setCaseStatus(caseId: string, status: ConsultationStatus): Promise<unknown> {
  return apiPost(`/api/consultations/${encodeURIComponent(caseId)}/status`, { status });
}

export function fetchStats(from: string, to: string, signal: AbortSignal): Promise<ConsultationStats> {
  return apiGet(`/api/consultations/stats${query({ from, to })}`, { signal });
}

/** How long a resolved or closed case's content is kept (read: consultation.stats; changed: consultation.settings, the union's admins). */
export function fetchSettings(signal: AbortSignal): Promise<ConsultationSettings> {
  return apiGet('/api/consultations/settings', { signal });
}

export function saveSettings(settings: ConsultationSettings): Promise<ConsultationSettings> {
  return apiPut('/api/consultations/settings', settings);
}
