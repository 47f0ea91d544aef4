import type { BallotKit, CastReceipt, VoterElection } from '@kumiai/shared';
import { apiGet, apiPost, ApiError } from '../../api/client.ts';

const path = (id: string, rest = '') => `/api/me/elections/${encodeURIComponent(id)}${rest}`;

/** The elections whose frozen roll holds this member (ready and later). */
export function fetchMyElections(signal?: AbortSignal): Promise<VoterElection[]> {
  return apiGet<VoterElection[]>('/api/me/elections', signal ? { signal } : {});
}

/** The election and this member's secret credential: kept in memory only for the one ballot. */
export function fetchBallotKit(id: string): Promise<BallotKit> {
  return apiGet<BallotKit>(path(id, '/ballot-kit'));
}

export function castBallot(id: string, ballot: string): Promise<CastReceipt> {
  return apiPost<CastReceipt>(path(id, '/ballots'), { ballot });
}

/** Where the public record (.bel) is downloaded from (published elections). */
export const archiveUrl = (id: string): string => path(id, '/archive.bel');

/** The public record's bytes. */
export async function fetchArchive(id: string): Promise<Uint8Array> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) throw new ApiError('network_failed', 0);
  let response: Response;
  try {
    response = await fetch(archiveUrl(id), { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network_failed', 0);
  }
  if (!response.ok) throw new ApiError(response.status >= 500 ? 'internal' : 'bad_request', response.status);
  return new Uint8Array(await response.arrayBuffer());
}
