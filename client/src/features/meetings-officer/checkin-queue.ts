import type { CheckinBatch, CheckinResult } from '@kumiai/shared';
import { ApiError } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { readStored, writeStored } from '../../lib/storage.ts';
import { memberLocalKey } from '../../sync/session-data.ts';

/**
 * The check-ins an officer's phone has made and the server has not yet
 * answered, kept in localStorage (per officer and meeting, under the officer's own keys) so they survive a
 * reload or a dead battery's restart, and sent when the phone is online. Each
 * carries the UUID it was given when scanned or ticked: the server counts an
 * id once and a member once, so sending a batch again after a lost answer is
 * harmless.
 */

export type CheckinTarget = { code: string } | { memberId: string };

export interface QueuedCheckin {
  /** The device's UUID for this check-in (the server's idempotency key). */
  id: string;
  /** When it was scanned or ticked, on this device's clock. */
  at: number;
  code?: string;
  memberId?: string;
  /** What the screen shows for it (a name from the list, or the scanned code's member). */
  label: string;
}

/** A check-in the server refused, with its reason, kept to show until dismissed. */
export interface RefusedCheckin {
  checkin: QueuedCheckin;
  code: string;
}

export interface QueueState {
  pending: readonly QueuedCheckin[];
  refused: readonly RefusedCheckin[];
  /** Check-ins the server has taken from this device since the screen opened. */
  recorded: number;
  duplicates: number;
  /** The last failure of a whole batch (offline: network_failed), null after a send went through. */
  error: AnyErrorCode | null;
  sending: boolean;
}

export interface KeyValueStore {
  read: (key: string) => string | null;
  write: (key: string, value: string) => void;
}

export const localStore: KeyValueStore = { read: readStored, write: writeStored };

/** The officer's own outbox (removed with their data at sign-out, counted in its warning meanwhile). */
export const checkinQueueKey = (officerId: string, meetingId: string): string => memberLocalKey(officerId, `outbox.meetingCheckins.${meetingId}`);

/** The server takes at most 500 check-ins a request (checkinBatchSchema). */
const BATCH = 500;

function parse(text: string | null): QueuedCheckin[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as QueuedCheckin[]).filter((c) => typeof c?.id === 'string' && typeof c.at === 'number') : [];
  } catch {
    return [];
  }
}

export class CheckinQueue {
  private state: QueueState;
  private readonly listeners = new Set<() => void>();
  private readonly key: string;

  constructor(
    officerId: string,
    meetingId: string,
    private readonly send: (batch: CheckinBatch) => Promise<CheckinResult>,
    private readonly store: KeyValueStore = localStore,
  ) {
    this.key = checkinQueueKey(officerId, meetingId);
    this.state = { pending: parse(store.read(this.key)), refused: [], recorded: 0, duplicates: 0, error: null, sending: false };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): QueueState => this.state;

  private set(patch: Partial<QueueState>): void {
    this.state = { ...this.state, ...patch };
    if ('pending' in patch) this.store.write(this.key, JSON.stringify(this.state.pending));
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Keeps a check-in on the device (before anything is sent). The same code or
   * member already waiting is not queued twice (a QR held in front of the camera
   * is read many times a second); it returns null then.
   */
  add(target: CheckinTarget, label: string, at: number, id: string): QueuedCheckin | null {
    const same = (c: QueuedCheckin) => ('code' in target ? c.code === target.code : c.memberId === target.memberId);
    if (this.state.pending.some(same)) return null;
    const checkin: QueuedCheckin = { id, at, label, ...target };
    this.set({ pending: [...this.state.pending, checkin] });
    return checkin;
  }

  /**
   * Sends what is waiting, a batch at a time. What the server answered for
   * (recorded, already present, refused) leaves the queue; on a failure of the
   * whole request (offline, the server away) everything stays for the next try.
   */
  async flush(): Promise<void> {
    if (this.state.sending) return;
    this.set({ sending: true });
    try {
      while (this.state.pending.length > 0) {
        const batch = this.state.pending.slice(0, BATCH);
        let result: CheckinResult;
        try {
          result = await this.send({ checkins: batch.map(({ id, at, code, memberId }) => ({ id, at, ...(code !== undefined ? { code } : {}), ...(memberId !== undefined ? { memberId } : {}) })) });
        } catch (e) {
          this.set({ error: e instanceof ApiError ? e.code : 'internal' });
          return;
        }
        const sent = new Set(batch.map((c) => c.id));
        const refused = result.refused.flatMap((r) => {
          const checkin = batch.find((c) => c.id === r.id);
          return checkin ? [{ checkin, code: r.code }] : [];
        });
        this.set({
          pending: this.state.pending.filter((c) => !sent.has(c.id)),
          refused: [...this.state.refused, ...refused],
          recorded: this.state.recorded + result.recorded,
          duplicates: this.state.duplicates + result.duplicates,
          error: null,
        });
      }
    } finally {
      this.set({ sending: false });
    }
  }

  dismissRefused(): void {
    this.set({ refused: [] });
  }
}
