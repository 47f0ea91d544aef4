import type { CheckinBatch, ElectionSummary, CheckinResult, DecisionInput, MeetingDetail, MeetingInput, MeetingSummary, MinutesInput, QuorumCount, QuorumRule, ResponsesPage, RsvpAnswer } from '@kumiai/shared';
import { apiGet, apiPost, apiPut, query } from '../../api/client.ts';

/** The officers' HTTP calls for meetings (the contract is shared/src/meetings/api.ts). Online only, except check-ins (queued: checkin-queue.ts). */

const path = (id: string, rest = '') => `/api/meetings/${encodeURIComponent(id)}${rest}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listMeetings = (signal?: AbortSignal) => apiGet<{ meetings: MeetingSummary[] }>('/api/meetings', opts(signal)).then((r) => r.meetings);
export const fetchMeeting = (id: string, signal?: AbortSignal) => apiGet<MeetingDetail>(path(id), opts(signal));
export const createMeeting = (input: MeetingInput) => apiPost<MeetingDetail>('/api/meetings', input);
export const updateMeeting = (id: string, input: MeetingInput) => apiPut<MeetingDetail>(path(id), input);
export const cancelMeeting = (id: string, reason: string) => apiPost<MeetingDetail>(path(id, '/cancel'), { reason });
export const fetchResponses = (id: string, cursor: string | null, answer: RsvpAnswer | null, signal?: AbortSignal) =>
  apiGet<ResponsesPage>(path(id, `/responses${query({ cursor, answer })}`), opts(signal));
export const remindInvitees = (id: string) => apiPost<{ reminded: number }>(path(id, '/remind'), {});
export const sendCheckins = (id: string, batch: CheckinBatch) => apiPost<CheckinResult>(path(id, '/checkins'), batch);
export const fetchQuorum = (id: string, signal?: AbortSignal) => apiGet<QuorumCount & { rule: QuorumRule }>(path(id, '/quorum'), opts(signal));
export const recordDecision = (id: string, itemId: string, input: DecisionInput) => apiPut<MeetingDetail>(path(id, `/decisions/${encodeURIComponent(itemId)}`), input);
export const saveMinutes = (id: string, input: MinutesInput) => apiPut<MeetingDetail>(path(id, '/minutes'), input);
export const approveMinutes = (id: string) => apiPost<MeetingDetail>(path(id, '/minutes/approve'), {});

/** The commission's elections, to link a secret-ballot agenda item to one (403 for officers not on the commission: they type its id). */
export const listCommissionElections = (signal?: AbortSignal) => apiGet<ElectionSummary[]>('/api/elections', opts(signal));
