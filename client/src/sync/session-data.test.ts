import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberFilesCacheName, memberLocalKey, memberOutboxCount, removeMemberData } from './session-data.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("removing a member's data", () => {
  it('deletes every shelf of their kept files (notices’ and each feature’s own) and their outbox, never another member’s', async () => {
    const names = new Set([
      memberFilesCacheName('m1'),
      memberFilesCacheName('m1', 'elections'),
      'kumiai-outbox-m1',
      memberFilesCacheName('m10'),
      memberFilesCacheName('m10', 'elections'),
      memberFilesCacheName('m2', 'elections'),
    ]);
    vi.stubGlobal('caches', {
      keys: () => Promise.resolve([...names]),
      delete: (name: string) => Promise.resolve(names.delete(name)),
    });
    await removeMemberData('m1', getRxStorageMemory());
    expect([...names].sort()).toEqual(['kumiai-files-m10', 'kumiai-files-m10/elections', 'kumiai-files-m2/elections']);
  });

  it('removes the member’s own localStorage keys (an officer’s door list and check-in outbox), never another member’s or the device’s', async () => {
    const data = new Map<string, string>([
      [memberLocalKey('m1', 'meetingInvitees.mt1'), '[{"name":"山田"}]'],
      [memberLocalKey('m1', 'outbox.meetingCheckins.mt1'), '[{"id":"c1"},{"id":"c2"}]'],
      [memberLocalKey('m1', 'outbox.broken'), '{not json'],
      [memberLocalKey('m10', 'outbox.meetingCheckins.mt1'), '[{"id":"c3"}]'],
      ['kumiai.locale', 'ja'],
    ]);
    // localStorage as browsers have it: its keys are its own enumerable properties.
    const storage = new Proxy({}, {
      get: (_t, key) =>
        key === 'getItem' ? (k: string) => data.get(k) ?? null
        : key === 'setItem' ? (k: string, v: string) => void data.set(k, v)
        : key === 'removeItem' ? (k: string) => void data.delete(k)
        : undefined,
      ownKeys: () => [...data.keys()],
      getOwnPropertyDescriptor: (_t, key) => (typeof key === 'string' && data.has(key) ? { value: data.get(key), enumerable: true, configurable: true } : undefined),
    });
    vi.stubGlobal('localStorage', storage);
    expect(memberOutboxCount('m1')).toBe(2);
    expect(memberOutboxCount('m10')).toBe(1);
    await removeMemberData('m1', getRxStorageMemory());
    expect([...data.keys()].sort()).toEqual([memberLocalKey('m10', 'outbox.meetingCheckins.mt1'), 'kumiai.locale'].sort());
    expect(memberOutboxCount('m1')).toBe(0);
  });
});
