import type { CheckinBatch, CheckinResult } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { CheckinQueue, checkinQueueKey, type KeyValueStore } from './checkin-queue.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, read: (k) => data.get(k) ?? null, write: (k, v) => void data.set(k, v) };
}

/** A stand-in for POST /checkins: offline until told, then the server's rules (an id once, a member once). */
function fakeServer() {
  const seenIds = new Set<string>();
  const present = new Set<string>();
  const batches: CheckinBatch[] = [];
  let online = false;
  return {
    batches,
    present,
    goOnline: () => void (online = true),
    goOffline: () => void (online = false),
    send: async (batch: CheckinBatch): Promise<CheckinResult> => {
      if (!online) throw new ApiError('network_failed', 0);
      batches.push(batch);
      const result: CheckinResult = { recorded: 0, duplicates: 0, refused: [] };
      for (const c of batch.checkins) {
        const member = c.memberId ?? (c.code?.startsWith('KM1.m.') ? c.code.split('.')[2] : undefined);
        if (!member) result.refused.push({ id: c.id, code: 'checkin_code_invalid' });
        else if (seenIds.has(c.id) || present.has(member)) result.duplicates += 1;
        else {
          present.add(member);
          result.recorded += 1;
        }
        seenIds.add(c.id);
      }
      return result;
    },
  };
}

describe('the offline check-in queue', () => {
  it('keeps check-ins made offline across a reload and sends them, with their ids, once online', async () => {
    const store = memoryStore();
    const server = fakeServer();
    const first = new CheckinQueue('officer', 'm', server.send, store);
    first.add({ code: 'KM1.m.alice.mac' }, 'alice', 1000, 'id-aaaaaaaa');
    first.add({ memberId: 'bob' }, 'Bob', 2000, 'id-bbbbbbbb');
    await first.flush();
    expect(first.getSnapshot().error).toBe('network_failed');
    expect(first.getSnapshot().pending.map((c) => c.id)).toEqual(['id-aaaaaaaa', 'id-bbbbbbbb']);

    // The page is reloaded: a new queue reads what the device kept.
    const second = new CheckinQueue('officer', 'm', server.send, store);
    expect(second.getSnapshot().pending.map((c) => c.label)).toEqual(['alice', 'Bob']);
    server.goOnline();
    await second.flush();
    expect(server.batches).toEqual([
      {
        checkins: [
          { id: 'id-aaaaaaaa', at: 1000, code: 'KM1.m.alice.mac' },
          { id: 'id-bbbbbbbb', at: 2000, memberId: 'bob' },
        ],
      },
    ]);
    expect(second.getSnapshot()).toMatchObject({ pending: [], recorded: 2, duplicates: 0, error: null, sending: false });
    expect(JSON.parse(store.data.get(checkinQueueKey('officer', 'm')) ?? 'null')).toEqual([]);
  });

  it('queues a code held before the camera once, and counts a member checked in twice once', async () => {
    const server = fakeServer();
    server.goOnline();
    const queue = new CheckinQueue('officer', 'm', server.send, memoryStore());
    expect(queue.add({ code: 'KM1.m.alice.mac' }, 'alice', 1, 'id-1aaaaaaa')).not.toBeNull();
    expect(queue.add({ code: 'KM1.m.alice.mac' }, 'alice', 2, 'id-2aaaaaaa')).toBeNull();
    queue.add({ memberId: 'alice' }, 'Alice', 3, 'id-3aaaaaaa');
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({ pending: [], recorded: 1, duplicates: 1 });
    expect([...server.present]).toEqual(['alice']);
  });

  it('sends a batch again after a lost answer without counting anyone twice', async () => {
    const server = fakeServer();
    server.goOnline();
    let lose = true;
    const lossy = async (batch: CheckinBatch) => {
      const result = await server.send(batch);
      if (lose) {
        lose = false;
        throw new ApiError('network_failed', 0);
      }
      return result;
    };
    const queue = new CheckinQueue('officer', 'm', lossy, memoryStore());
    queue.add({ memberId: 'carol' }, 'Carol', 1, 'id-cccccccc');
    await queue.flush();
    expect(queue.getSnapshot().pending).toHaveLength(1);
    await queue.flush();
    expect(server.batches.map((b) => b.checkins[0]?.id)).toEqual(['id-cccccccc', 'id-cccccccc']);
    expect(queue.getSnapshot()).toMatchObject({ pending: [], recorded: 0, duplicates: 1 });
    expect([...server.present]).toEqual(['carol']);
  });

  it('takes refused check-ins off the queue and keeps them, with the reason, to show', async () => {
    const server = fakeServer();
    server.goOnline();
    const queue = new CheckinQueue('officer', 'm', server.send, memoryStore());
    queue.add({ code: 'forged' }, '?', 1, 'id-ffffffff');
    queue.add({ memberId: 'dan' }, 'Dan', 2, 'id-dddddddd');
    await queue.flush();
    const state = queue.getSnapshot();
    expect(state.pending).toEqual([]);
    expect(state.refused.map((r) => [r.checkin.id, r.code])).toEqual([['id-ffffffff', 'checkin_code_invalid']]);
    expect(state.recorded).toBe(1);
    queue.dismissRefused();
    expect(queue.getSnapshot().refused).toEqual([]);
  });

  it('sends more than a request holds in several batches of at most 500', async () => {
    const server = fakeServer();
    server.goOnline();
    const queue = new CheckinQueue('officer', 'm', server.send, memoryStore());
    for (let i = 0; i < 1201; i++) queue.add({ memberId: `member-${i}` }, `M${i}`, i, `id-${String(i).padStart(8, '0')}`);
    await queue.flush();
    expect(server.batches.map((b) => b.checkins.length)).toEqual([500, 500, 201]);
    expect(queue.getSnapshot()).toMatchObject({ pending: [], recorded: 1201 });
  });

  it('keeps each officer’s and meeting’s queue apart, and ignores a damaged stored value', () => {
    const store = memoryStore();
    const server = fakeServer();
    new CheckinQueue('officer', 'm1', server.send, store).add({ memberId: 'x' }, 'X', 1, 'id-xxxxxxxx');
    expect(new CheckinQueue('officer', 'm2', server.send, store).getSnapshot().pending).toEqual([]);
    expect(new CheckinQueue('other', 'm1', server.send, store).getSnapshot().pending).toEqual([]);
    store.data.set(checkinQueueKey('officer', 'm3'), '{not json');
    expect(new CheckinQueue('officer', 'm3', server.send, store).getSnapshot().pending).toEqual([]);
  });
});
