import type { CastReceipt, VoterElection } from '@kumiai/shared';
import { readStored, writeStored } from '../../lib/storage.ts';

/**
 * What this feature keeps on the device, per member: the last list of their
 * elections (so the questions and statements read offline) and the smart
 * ballot trackers of their ballots (to check in the public record later).
 * Never the credential or the ballot. A kiosk sign-out's wipe removes both.
 */
export const electionsKey = (memberId: string): string => `kumiai.elections.${memberId}`;
export const trackersKey = (memberId: string): string => `kumiai.electionTrackers.${memberId}`;
export const clockKey = (memberId: string): string => `kumiai.electionsClock.${memberId}`;

/**
 * How far the server's clock is ahead of this device's (ms), from an answer's
 * `serverNow` and the device's clock when it arrived: the window is judged on
 * the server's clock, so a phone a day off still shows voting as open.
 */
export function clockOffset(elections: readonly VoterElection[], receivedAt: number): number {
  const serverNow = elections.find((e) => typeof e.serverNow === 'number')?.serverNow;
  return serverNow === undefined ? 0 : serverNow - receivedAt;
}

export function storedClockOffset(memberId: string): number {
  const v = Number(readStored(clockKey(memberId)));
  return Number.isFinite(v) ? v : 0;
}

export function storeClockOffset(memberId: string, offset: number): void {
  writeStored(clockKey(memberId), String(offset));
}

function parse(raw: string | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

const isElection = (v: unknown): v is VoterElection => {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.title === 'string' && Array.isArray(e.questions) && typeof e.opensAt === 'number' && typeof e.closesAt === 'number' && typeof e.state === 'string';
};

export function storedElections(memberId: string): VoterElection[] | null {
  const v = parse(readStored(electionsKey(memberId)));
  return Array.isArray(v) ? v.filter(isElection) : null;
}

export function storeElections(memberId: string, elections: readonly VoterElection[]): void {
  writeStored(electionsKey(memberId), JSON.stringify(elections));
}

export interface KeptTracker {
  tracker: string;
  castAt: number;
}

export function storedTrackers(memberId: string): Record<string, KeptTracker> {
  const v = parse(readStored(trackersKey(memberId)));
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Record<string, KeptTracker> = {};
  for (const [id, t] of Object.entries(v as Record<string, unknown>)) {
    if (typeof t === 'object' && t !== null && typeof (t as KeptTracker).tracker === 'string' && typeof (t as KeptTracker).castAt === 'number') out[id] = t as KeptTracker;
  }
  return out;
}

/** Only the tracker and when: the last ballot replaces the one before (only it counts). */
export function keepTracker(memberId: string, electionId: string, receipt: CastReceipt): void {
  const all = storedTrackers(memberId);
  all[electionId] = { tracker: receipt.tracker, castAt: receipt.castAt };
  writeStored(trackersKey(memberId), JSON.stringify(all));
}
