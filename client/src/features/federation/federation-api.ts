import type {
  FederationIdentity,
  FederationItem,
  FederationItemInput,
  FigureReport,
  FigureTotals,
  InboxItem,
  LinkConfirmInput,
  LinkPreview,
  LinkPreviewInput,
  LinkState,
  MemberUnion,
  ReleaseInput,
  SentReport,
  SharingInput,
  SyncResult,
  UnionInvite,
  UnionInviteInput,
} from '@kumiai/shared';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

/** The officers' HTTP calls of the federation link (the contract is shared/src/federation/api.ts). */

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
const enc = encodeURIComponent;

// The federation's side.
export type UnionsOverview = { unions: MemberUnion[]; totals: FigureTotals; notReported: string[] };
export const createInvite = (input: UnionInviteInput) => apiPost<UnionInvite>('/api/federation/unions', input);
export const fetchUnions = (signal?: AbortSignal) => apiGet<UnionsOverview>('/api/federation/unions', opts(signal));
export const setUnionStatus = (id: string, to: 'pause' | 'resume' | 'revoke') => apiPost<MemberUnion>(`/api/federation/unions/${enc(id)}/${to}`, {});
export const publishItem = (input: FederationItemInput) => apiPost<FederationItem>('/api/federation/items', input);
export const fetchItems = (signal?: AbortSignal) => apiGet<{ items: FederationItem[] }>('/api/federation/items', opts(signal));

// The union's side.
export const previewLink = (input: LinkPreviewInput) => apiPost<LinkPreview>('/api/federation/link/preview', input);
export const confirmLink = (input: LinkConfirmInput) => apiPost<LinkState>('/api/federation/link/confirm', input);
export const fetchLink = (signal?: AbortSignal) => apiGet<LinkState>('/api/federation/link', opts(signal));
export const setLinkStatus = (to: 'pause' | 'resume' | 'revoke') => apiPost<LinkState>(`/api/federation/link/${to}`, {});
export const saveSharing = (input: SharingInput) => apiPut<LinkState>('/api/federation/link/sharing', input);
export const syncNow = () => apiPost<SyncResult>('/api/federation/link/sync', {});
export const fetchInbox = (signal?: AbortSignal) => apiGet<{ items: InboxItem[] }>('/api/federation/inbox', opts(signal));
export const releaseItem = (id: string, input: ReleaseInput) => apiPost<InboxItem>(`/api/federation/inbox/${enc(id)}/release`, input);
/** A typed participation count (a paper tally); null clears it, so the app's answers are reported again. */
export const setParticipation = (id: string, count: number | null) => apiPut<InboxItem>(`/api/federation/inbox/${enc(id)}/participation`, { count });
export const fetchReportPreview = (signal?: AbortSignal) => apiGet<FigureReport>('/api/federation/report/preview', opts(signal));
export const sendReport = () => apiPost<SentReport>('/api/federation/report/send', {});
export const fetchSentReports = (signal?: AbortSignal) => apiGet<{ reports: SentReport[] }>('/api/federation/report/sent', opts(signal));
export const fetchIdentity = (signal?: AbortSignal) => apiGet<FederationIdentity>('/api/federation/identity', opts(signal));
