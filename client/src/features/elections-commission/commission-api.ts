import type { ElectionDetail, ElectionInput, ElectionReminderResult, ElectionSummary, PaperTotals, PublicCredentialsInput, RollChanges, RollPage, TrusteeTask, TrusteesInput, Turnout } from '@kumiai/shared';
import { apiGet, apiPost, apiPut, query } from '../../api/client.ts';

/** The commission's and trustees' HTTP calls (the contract is shared/src/elections/api.ts). Online only. */

const path = (id: string, rest = '') => `/api/elections/${encodeURIComponent(id)}${rest}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listElections = (signal?: AbortSignal) => apiGet<ElectionSummary[]>('/api/elections', opts(signal));
export const fetchElection = (id: string, signal?: AbortSignal) => apiGet<ElectionDetail>(path(id), opts(signal));
export const createElection = (input: ElectionInput) => apiPost<ElectionDetail>('/api/elections', input);
export const updateElection = (id: string, input: ElectionInput) => apiPut<ElectionDetail>(path(id), input);
export const freezeRoll = (id: string) => apiPost<ElectionDetail>(path(id, '/roll/freeze'), {});
export const fetchRoll = (id: string, q: string, cursor: string | null, signal?: AbortSignal) =>
  apiGet<RollPage>(path(id, `/roll${query({ q: q || null, cursor })}`), opts(signal));
export const changeRoll = (id: string, changes: RollChanges) => apiPost<ElectionDetail>(path(id, '/roll/changes'), changes);
export const setTrustees = (id: string, input: TrusteesInput) => apiPut<ElectionDetail>(path(id, '/trustees'), input);
export const openElection = (id: string) => apiPost<ElectionDetail>(path(id, '/open'), {});
/** A lost credential re-issued for a roll member (the commission checked who they are, offline). */
export const reissueCredential = (id: string, memberId: string) => apiPost<ElectionDetail>(path(id, '/credentials/reissue'), { memberId });
/** Commission-member mode: who issues the credentials (null: the server). */
export const setCredentialAuthority = (id: string, memberId: string | null) => apiPut<ElectionDetail>(path(id, '/credential-authority'), { memberId });
/** The authority's device sends the public credentials only (PublicCredentialsInput). */
export const sendPublicCredentials = (id: string, credentials: PublicCredentialsInput['credentials']) => apiPost<ElectionDetail>(path(id, '/credentials'), { credentials });
/** Commission-member mode: the authority's new public credential for a member. */
export const reissueCredentialAs = (id: string, memberId: string, credential: string) => apiPost<ElectionDetail>(path(id, '/credentials/reissue'), { memberId, credential });
export const fetchTurnout = (id: string, signal?: AbortSignal) => apiGet<Turnout>(path(id, '/turnout'), opts(signal));
export const remindVoters = (id: string) => apiPost<ElectionReminderResult>(path(id, '/remind'), {});
export const markPaperVoter = (id: string, memberId: string) => apiPost<ElectionDetail>(path(id, '/paper/voters'), { memberId });
export const putPaperTotals = (id: string, totals: PaperTotals) => apiPut<ElectionDetail>(path(id, '/paper/totals'), totals);
export const startTally = (id: string) => apiPost<ElectionDetail>(path(id, '/tally'), {});
export const publishElection = (id: string) => apiPost<ElectionDetail>(path(id, '/publish'), {});
/** A plain link: the browser sends the session cookie and saves the file. */
export const archiveUrl = (id: string) => path(id, '/archive.bel');

export const fetchTrusteeTask = (id: string, signal?: AbortSignal) => apiGet<TrusteeTask>(path(id, '/trustee'), opts(signal));
export type TrusteeStep = 'cert' | 'polynomial' | 'voutput' | 'decryption';
export const postTrusteeMessage = (id: string, step: TrusteeStep, message: string) => apiPost<ElectionDetail>(path(id, `/trustee/${step}`), { message });
