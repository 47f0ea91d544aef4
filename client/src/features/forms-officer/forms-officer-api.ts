import type { ApplicationActionInput, ApplicationDetail, ApplicationPage, FormInput, FormResults } from '@kumiai/shared';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';
import { inboxQuery, type InboxFilter } from './inbox-query.ts';

/** The officers' HTTP calls of the form engine (the contract is shared/src/forms/api.ts). */

const formPath = (id: string) => `/api/forms/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export function createForm(input: FormInput): Promise<{ id: string; version: number }> {
  return apiPost<{ id: string; version: number }>('/api/forms', input);
}

/** Saves an edit; a published form gets a new version, earlier answers keep theirs. */
export function updateForm(id: string, input: FormInput): Promise<{ id: string; version: number }> {
  return apiPut<{ id: string; version: number }>(formPath(id), input);
}

/** Stops a form taking answers (surveys and application forms alike); what was given stays. */
export function archiveForm(id: string): Promise<{ id: string }> {
  return apiPost<{ id: string }>(`/api/forms/${encodeURIComponent(id)}/archive`, {});
}

/** Pushes a reminder to the audience members in the officer's units who have not answered; how many it reached. */
export function remindSurvey(id: string): Promise<{ members: number }> {
  return apiPost<{ members: number }>(`/api/forms/${encodeURIComponent(id)}/remind`, {});
}

export function fetchFormResults(id: string, signal?: AbortSignal): Promise<FormResults> {
  return apiGet<FormResults>(`${formPath(id)}/results`, signal ? { signal } : {});
}

/** A plain link: the browser sends the session cookie and saves the file. */
export function exportCsvUrl(id: string): string {
  return `${formPath(id)}/export.csv`;
}

export function listApplications(filter: InboxFilter, cursor: string | null, signal?: AbortSignal): Promise<ApplicationPage> {
  return apiGet<ApplicationPage>(`/api/applications${inboxQuery(filter, cursor)}`, signal ? { signal } : {});
}

export function fetchApplication(id: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return apiGet<ApplicationDetail>(applicationPath(id), signal ? { signal } : {});
}

export function actOnApplication(id: string, input: ApplicationActionInput): Promise<ApplicationDetail> {
  return apiPost<ApplicationDetail>(`${applicationPath(id)}/actions`, input);
}
