import type { VoterElection } from '@kumiai/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockOffset, keepTracker, storeClockOffset, storedClockOffset, storedElections, storedTrackers, storeElections, trackersKey } from './stored.ts';

/** A localStorage of the test's own (Node has none). */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('what the elections keep on the device', () => {
  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
  });
  afterEach(() => {
    // @ts-expect-error -- Node has no localStorage; the test's own is removed again.
    delete globalThis.localStorage;
  });

  it('keeps one tracker per election and member, the last ballot’s replacing the one before', () => {
    keepTracker('m1', 'e1', { tracker: 'first', castAt: 1, replaced: false });
    keepTracker('m1', 'e1', { tracker: 'second', castAt: 2, replaced: true });
    keepTracker('m1', 'e2', { tracker: 'other', castAt: 3, replaced: false });
    expect(storedTrackers('m1')).toEqual({ e1: { tracker: 'second', castAt: 2 }, e2: { tracker: 'other', castAt: 3 } });
    expect(storedTrackers('m2')).toEqual({});
    // Only the tracker and when: nothing else of the receipt.
    expect(localStorage.getItem(trackersKey('m1'))).toBe('{"e1":{"tracker":"second","castAt":2},"e2":{"tracker":"other","castAt":3}}');
  });

  it('reads back only what it wrote: garbage or a broken copy gives nothing rather than a crash', () => {
    localStorage.setItem(trackersKey('m1'), '{"e1":{"tracker":5},"e2":{"tracker":"ok","castAt":1}}');
    expect(storedTrackers('m1')).toEqual({ e2: { tracker: 'ok', castAt: 1 } });
    localStorage.setItem(trackersKey('m1'), '{not json');
    expect(storedTrackers('m1')).toEqual({});
    expect(storedElections('m1')).toBeNull();
    const e: VoterElection = { id: 'e1', title: 'T', description: '', questions: [], state: 'ready', phase: 'open', opensAt: 1, closesAt: 2, voted: null, outcome: null };
    storeElections('m1', [e]);
    expect(storedElections('m1')).toEqual([e]);
    localStorage.setItem('kumiai.elections.m1', JSON.stringify([e, { id: 3 }]));
    expect(storedElections('m1')).toEqual([e]);
  });
});

describe('the server clock on a device whose own clock is off', () => {
  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
  });
  afterEach(() => {
    // @ts-expect-error -- Node has no localStorage; the test's own is removed again.
    delete globalThis.localStorage;
  });
  const election = { id: 'e1', title: 't', questions: [], opensAt: 0, closesAt: 0, state: 'ready' } as unknown as VoterElection;
  it('is learnt from the server’s answer: a phone a day ahead is corrected by a day back', () => {
    const day = 24 * 3600_000;
    expect(clockOffset([{ ...election, serverNow: 1_000_000 }], 1_000_000 + day)).toBe(-day);
    expect(clockOffset([{ ...election, serverNow: 5_000 + day }], 5_000)).toBe(day);
  });

  it('is the device’s own when the server said nothing, and is kept per member', () => {
    expect(clockOffset([election], 123)).toBe(0);
    storeClockOffset('m1', -42);
    expect(storedClockOffset('m1')).toBe(-42);
    expect(storedClockOffset('m2')).toBe(0);
  });
});
