import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { CheckinQueue, type QueueState } from './checkin-queue.ts';
import { sendCheckins } from './officer-api.ts';

/** How often waiting check-ins are tried again while the screen is open (besides on `online` and after each new one). */
const RETRY_MS = 15_000;

/** The device's check-in queue for this officer and meeting, live, sent when online. */
export function useCheckinQueue(officerId: string, meetingId: string): { queue: CheckinQueue; state: QueueState } {
  const queue = useMemo(() => new CheckinQueue(officerId, meetingId, (batch) => sendCheckins(meetingId, batch)), [officerId, meetingId]);
  const state = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  useEffect(() => {
    const flush = () => void queue.flush();
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(() => {
      if (queue.getSnapshot().pending.length > 0) flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [queue]);
  return { queue, state };
}
