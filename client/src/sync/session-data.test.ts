import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberFilesCacheName, removeMemberData } from './session-data.ts';

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
});
