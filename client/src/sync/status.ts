import type { ErrorCode, RejectionCode } from '@kumiai/shared';
import { createExternalStore } from '../lib/external-store.ts';

/**
 * Connection and sync state for the whole app. The browser feeds `online`; the
 * sync engine (src/sync/engine.ts) feeds everything else through the setters
 * below. Components read it only through `useSyncStatus`, never from the engine.
 */
export type SyncPhase = 'offline' | 'syncing' | 'synced';

/** A local change the server refused; kept so the member can be told and fix it. */
export interface RejectedChange {
  collection: string;
  id: string;
  /** A sync rejection code (`forbidden_field`, …) or a general error code. */
  code: ErrorCode | RejectionCode;
  at: number;
  /** The refused field, when one was. */
  field?: string;
  /** Pass to `dismissRejection` (useRejections) once the member has seen it. */
  key?: string;
}

/**
 * Why syncing stopped for good: 'unauthenticated' (the session ended: sign in
 * again; waiting writes are kept and sent after) or 'account_closed' (the
 * member's local data is being removed).
 */
export type SyncStopReason = 'unauthenticated' | 'account_closed';

export interface SyncStatus {
  online: boolean;
  /** 'offline' whenever `online` is false, whatever the engine last said. */
  phase: SyncPhase;
  /** Local changes not yet accepted by the server. */
  pending: number;
  lastSyncedAt: number | null;
  rejected: readonly RejectedChange[];
  stopReason: SyncStopReason | null;
  /** Whether this tab is the one that syncs (the member's other open tabs follow it: see engine.ts). */
  leading: boolean;
}

type EnginePhase = Exclude<SyncPhase, 'offline'>;

interface Internal {
  online: boolean;
  enginePhase: EnginePhase;
  pending: number;
  lastSyncedAt: number | null;
  rejected: readonly RejectedChange[];
  stopReason: SyncStopReason | null;
  leading: boolean;
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

let internal: Internal = { online: browserOnline(), enginePhase: 'synced', pending: 0, lastSyncedAt: null, rejected: [], stopReason: null, leading: false };

function project(s: Internal): SyncStatus {
  return {
    online: s.online,
    phase: s.online ? s.enginePhase : 'offline',
    pending: s.pending,
    lastSyncedAt: s.lastSyncedAt,
    rejected: s.rejected,
    stopReason: s.stopReason,
    leading: s.leading,
  };
}

const store = createExternalStore<SyncStatus>(project(internal));

function patch(change: Partial<Internal>): void {
  internal = { ...internal, ...change };
  const next = project(internal);
  const prev = store.getSnapshot();
  const same =
    prev.online === next.online &&
    prev.phase === next.phase &&
    prev.pending === next.pending &&
    prev.lastSyncedAt === next.lastSyncedAt &&
    prev.rejected === next.rejected &&
    prev.stopReason === next.stopReason &&
    prev.leading === next.leading;
  if (!same) store.set(next);
}

let listening = false;

/** Follows the browser's online/offline events; idempotent. Called from main.tsx. */
export function watchConnectivity(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => patch({ online: true }));
  window.addEventListener('offline', () => patch({ online: false }));
  patch({ online: browserOnline() });
}

export function setOnline(online: boolean): void {
  patch({ online });
}

/** Sync engine: a push or pull is under way ('syncing') or finished ('synced'). */
export function setPhase(phase: SyncPhase): void {
  // 'offline' is derived from `online`; an engine saying so only means it stopped.
  patch({ enginePhase: phase === 'offline' ? 'synced' : phase });
}

export function setPending(count: number): void {
  patch({ pending: Math.max(0, Math.trunc(count)) });
}

export function markSynced(time: number): void {
  patch({ enginePhase: 'synced', lastSyncedAt: time });
}

export function setRejected(rejected: readonly RejectedChange[]): void {
  patch({ rejected });
}

export function setStopReason(stopReason: SyncStopReason | null): void {
  patch({ stopReason });
}

export function setLeading(leading: boolean): void {
  patch({ leading });
}

export const subscribe = store.subscribe;
export const getSnapshot = store.getSnapshot;
