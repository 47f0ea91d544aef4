import { describe, expect, it } from 'vitest';
import { getSnapshot, markSynced, setOnline, setPending, setPhase, subscribe } from './status.ts';

describe('sync status store', () => {
  it('derives the offline phase from connectivity and keeps the engine phase underneath', () => {
    let notified = 0;
    const unsubscribe = subscribe(() => notified++);
    setOnline(true);
    setPhase('syncing');
    expect(getSnapshot()).toMatchObject({ online: true, phase: 'syncing', pending: 0 });
    setOnline(false);
    expect(getSnapshot().phase).toBe('offline');
    setOnline(true);
    expect(getSnapshot().phase).toBe('syncing');
    setPending(3);
    markSynced(1234);
    expect(getSnapshot()).toMatchObject({ phase: 'synced', pending: 3, lastSyncedAt: 1234 });
    const before = getSnapshot();
    setPending(3);
    expect(getSnapshot()).toBe(before);
    unsubscribe();
    expect(notified).toBeGreaterThan(0);
  });
});
