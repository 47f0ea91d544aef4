import type { VoterElection } from '@kumiai/shared';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createExternalStore } from '../../lib/external-store.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { useSession } from '../auth/index.ts';
import { fetchMyElections } from './elections-api.ts';
import { clockOffset, storeClockOffset, storedClockOffset, storedElections, storeElections } from './stored.ts';

/** The last answer per member, shared by the home card and the election page (null: none yet on this device). */
const lists = createExternalStore<ReadonlyMap<string, VoterElection[]>>(new Map());

function remember(memberId: string, elections: VoterElection[]): void {
  storeElections(memberId, elections);
  if (elections.length > 0) storeClockOffset(memberId, clockOffset(elections, Date.now()));
  lists.update((m) => new Map(m).set(memberId, elections));
}

/** One request at a time per member: the home card and its count ask together. */
const asking = new Map<string, Promise<void>>();

/** Asks the server again (after a ballot, or when the device comes back online); a failure keeps the last answer. */
export function refreshMyElections(memberId: string): Promise<void> {
  const pending = asking.get(memberId);
  if (pending) return pending;
  const request = fetchMyElections()
    .then((fresh) => remember(memberId, fresh))
    .finally(() => asking.delete(memberId));
  asking.set(memberId, request);
  return request;
}

/** Calls `listener` with the member's elections now (the copy kept on the device) and at each new answer from the server; returns the stop function. */
export function watchMyElections(memberId: string, listener: (elections: VoterElection[]) => void): () => void {
  let last: VoterElection[] | null = null;
  const emit = (): void => {
    const elections = lists.getSnapshot().get(memberId) ?? storedElections(memberId);
    if (elections && elections !== last) listener((last = elections));
  };
  emit();
  return lists.subscribe(emit);
}

export interface MyElections {
  /** The last answer (from the server, or kept on this device); null when there is none yet. */
  elections: VoterElection[] | null;
  /** The server answered since this screen opened (else: the copy kept on the device). */
  fresh: boolean;
  refresh: () => void;
}

/** The member's elections: asked of the server whenever the device is online, else the last answer kept on the device. */
export function useMyElections(): MyElections {
  const { me } = useSession();
  const memberId = me?.member.id ?? '';
  const { online } = useSyncStatus();
  const all = useSyncExternalStore(lists.subscribe, lists.getSnapshot, lists.getSnapshot);
  const [fresh, setFresh] = useState(false);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!memberId || !online) return;
    let mounted = true;
    refreshMyElections(memberId).then(
      () => mounted && setFresh(true),
      () => {
        // Offline after all, or the server is away: the last answer stays.
      },
    );
    return () => {
      mounted = false;
    };
  }, [memberId, online, asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  const elections = all.get(memberId) ?? (memberId ? storedElections(memberId) : null);
  return { elections, fresh, refresh };
}

/**
 * Now on the server's clock (the device's, corrected by the offset learnt from
 * the server's last answer), again every 30 s: the window is the server's, so
 * a phone whose clock is a day off still shows voting as open while it is.
 */
export function useNow(): number {
  const { me } = useSession();
  const memberId = me?.member.id ?? '';
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setDeviceNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // The offset is stored with each answer of the server (a new answer re-renders through the list's store).
  return deviceNow + (memberId ? storedClockOffset(memberId) : 0);
}
