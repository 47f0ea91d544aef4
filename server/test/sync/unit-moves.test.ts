import { memberDocSchema, seededRandom, unitDocSchema } from '@kumiai/shared';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb/plugins/core';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { seedMember } from '../seed.ts';
import { openAs, RawClient, startSyncServer, waitFor, type SyncServer } from './support.ts';

/**
 * Units moved, merged or re-parented under devices that are live (streaming)
 * or offline (resuming from their checkpoint later), checked with RxDB's stock
 * WebSocket client. The expected contents of each device are computed here,
 * from the unit tree and the grants, independently of shared/'s rules.
 */

type Role = 'admin' | 'officer' | 'viewer' | 'treasurer' | 'member';
interface Person {
  id: string;
  unit: string;
  grants: [Role, string][];
}

/** Roles that read units and members in the subtree they are granted on (everything but a plain member). */
const READING_ROLES = new Set<Role>(['admin', 'officer', 'viewer', 'treasurer']);

function subtree(units: Map<string, string | null>, root: string): Set<string> {
  const out = new Set<string>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, parent] of units) {
      if (parent !== null && out.has(parent) && !out.has(id)) {
        out.add(id);
        grew = true;
      }
    }
  }
  return out;
}

function pathTo(units: Map<string, string | null>, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null = id; at !== null; at = units.get(at) ?? null) path.unshift(at);
  return path;
}

/** What a person's device must hold: units on their own line or under a reading grant; themselves and members under a reading grant. */
function expected(units: Map<string, string | null>, people: readonly Person[], who: Person): { units: string[]; members: string[] } {
  const granted = new Set<string>();
  for (const [role, unit] of who.grants) if (READING_ROLES.has(role)) for (const u of subtree(units, unit)) granted.add(u);
  const visibleUnits = new Set([...pathTo(units, who.unit), ...granted]);
  const visibleMembers = people.filter((p) => p.id === who.id || granted.has(p.unit)).map((p) => p.id);
  return { units: [...visibleUnits].sort(), members: visibleMembers.sort() };
}


interface Device {
  person: Person;
  db: RxDatabase;
  units: RxCollection<{ id: string }>;
  members: RxCollection<{ id: string }>;
  token: string;
  replications: RxReplicationState<unknown, unknown>[];
}

let server: SyncServer | undefined;
const devices: Device[] = [];
let dbCounter = 0;

afterEach(async () => {
  for (const d of devices.splice(0)) {
    await Promise.all(d.replications.map((r) => r.cancel()));
    await d.db.close();
  }
  await server?.close();
  server = undefined;
});

async function connect(device: Device, url: string): Promise<void> {
  device.replications = await Promise.all(
    (['units', 'members'] as const).map(
      async (name) =>
        (await replicateWithWebsocketServer({
          collection: device[name],
          replicationIdentifier: `kumiai-${name}`,
          url,
          live: true,
          batchSize: 3,
          headers: { Authorization: `Bearer ${device.token}` },
        })) as unknown as RxReplicationState<unknown, unknown>,
    ),
  );
}

async function disconnect(device: Device): Promise<void> {
  await Promise.all(device.replications.map((r) => r.cancel()));
  device.replications = [];
}

async function openDevice(s: SyncServer, person: Person): Promise<Device> {
  const db = await createRxDatabase({ name: `kumiai-moves-${process.pid}-${dbCounter++}`, storage: getRxStorageMemory() });
  const collections = await db.addCollections({ units: { schema: unitDocSchema as never }, members: { schema: memberDocSchema as never } });
  const device: Device = {
    person,
    db,
    units: collections.units as RxCollection<{ id: string }>,
    members: collections.members as RxCollection<{ id: string }>,
    token: s.services.tokens.create(person.id, 1).token,
    replications: [],
  };
  devices.push(device);
  await connect(device, s.url);
  return device;
}

async function held(device: Device): Promise<{ units: string[]; members: string[] }> {
  const [units, members] = await Promise.all([device.units.find().exec(), device.members.find().exec()]);
  return { units: units.map((d) => d.primary).sort(), members: members.map((d) => d.primary).sort() };
}

/** Waits until every connected device holds exactly what the independent expectation says; fails with the differences. */
async function settle(s: SyncServer, people: readonly Person[], what: string): Promise<void> {
  const tree = new Map((s.db.prepare('SELECT id, parent_id FROM units').all() as { id: string; parent_id: string | null }[]).map((r) => [r.id, r.parent_id]));
  const connected = devices.filter((d) => d.replications.length > 0);
  let last = '';
  try {
    await waitFor(
      async () => {
        const diffs: string[] = [];
        for (const d of connected) {
          const want = expected(tree, people, d.person);
          const have = await held(d);
          if (JSON.stringify(want) !== JSON.stringify(have)) diffs.push(`${d.person.id}: want ${JSON.stringify(want)} have ${JSON.stringify(have)}`);
        }
        last = diffs.join('\n');
        return diffs.length === 0;
      },
      10_000,
      what,
    );
  } catch {
    expect.fail(`${what}: devices differ from the expectation\n${last}`);
  }
}

const putUnit = (s: SyncServer, id: string, parent: string | null) =>
  s.db.prepare('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)').run(id, parent, id, parent ? 'workplace' : 'union', id.toUpperCase());

/** Moves a unit as another process would (the CLI's units import): its own connection, its own transaction. */
function moveFromOtherProcess(s: SyncServer, unit: string, parent: string): void {
  const other = new Database(path.join(s.config.dataDir, 'kumiai.sqlite'), { fileMustExist: true });
  try {
    other.pragma('busy_timeout = 5000');
    other.prepare('UPDATE units SET parent_id = ?, updated_at = updated_at + 1 WHERE id = ?').run(parent, unit);
  } finally {
    other.close();
  }
}

describe('units moved under live and offline devices', () => {
  it('the stream alone brings a moved workplace’s member the new tree: a device that never acts on RESYNC is not left stale', async () => {
    server = await startSyncServer();
    const s = server;
    for (const [id, parent] of [['root', null], ['b1', 'root'], ['b2', 'root'], ['w', 'b1'], ['g1', 'w']] as const) putUnit(s, id, parent);
    await seedMember(s.db, { id: 'z', employeeNumber: '100', unitId: 'w', password: null });
    await seedMember(s.db, { id: 'o2', employeeNumber: '101', unitId: 'b2', roles: [['officer', 'b2']], password: null });
    const clients: RawClient[] = [];
    try {
      const view = async (memberId: string) => {
        const client = await RawClient.open(s.url, { token: s.services.tokens.create(memberId, 1).token });
        clients.push(client);
        // Subscribed first, as RxDB's client does: messages are handled in order, so once the pull is answered the stream is live.
        client.subscribe('units');
        const first = await client.pullAll('units');
        client.streamed.splice(0);
        return { client, docs: first.docs };
      };
      const z = await view('z');
      const o2 = await view('o2');
      expect([...z.docs.keys()].sort()).toEqual(['b1', 'root', 'w']);
      expect([...o2.docs.keys()].sort()).toEqual(['b2', 'root']);
      moveFromOtherProcess(s, 'w', 'b2');
      // What a device holds if it applies each stream event (and its checkpoint) and ignores RESYNC.
      const applied = (c: { client: RawClient; docs: Map<string, Record<string, unknown>> }) => {
        const docs = new Map(c.docs);
        for (const m of c.client.streamed) {
          if (m.result === 'RESYNC') continue;
          for (const d of (m.result as { documents: Record<string, unknown>[] }).documents) {
            if (d._deleted) docs.delete(d.id as string);
            else docs.set(d.id as string, d);
          }
        }
        return [...docs.keys()].sort().join(',');
      };
      await waitFor(() => applied(z) === 'b2,root,w', 5000, `z to hold root, b2, w (holds ${applied(z)})`);
      await waitFor(() => applied(o2) === 'b2,g1,root,w', 5000, `o2 to hold b2, g1, root, w (holds ${applied(o2)})`);
      expect((z.docs.get('w') as { parentId?: string } | undefined)?.parentId ?? 'b1').toBe('b1'); // the snapshot before the move, untouched
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('a member whose device pulled before the server first evaluated their scope still loses what a later move takes away', async () => {
    // No poll between the pull and the move (the slowest allowed: 10 s; all of this takes milliseconds): the server looks when told to.
    server = await startSyncServer({ KUMIAI_SYNC_POLL_MS: '10000' });
    const s = server;
    for (const [id, parent] of [['root', null], ['b1', 'root'], ['b2', 'root'], ['w', 'b1']] as const) putUnit(s, id, parent);
    await seedMember(s.db, { id: 'z', employeeNumber: '100', unitId: 'w', password: null });
    const client = await RawClient.open(s.url, { token: s.services.tokens.create('z', 1).token });
    try {
      client.subscribe('units');
      const first = await client.pullAll('units');
      expect([...first.docs.keys()].sort()).toEqual(['b1', 'root', 'w']);
      moveFromOtherProcess(s, 'w', 'b2');
      s.hub.dispatch();
      const docs = new Map(first.docs);
      await waitFor(() => client.streamed.some((m) => m.result !== 'RESYNC'), 5000, 'the stream');
      for (const m of client.streamed) {
        if (m.result === 'RESYNC') continue;
        for (const d of (m.result as { documents: Record<string, unknown>[] }).documents) {
          if (d._deleted) docs.delete(d.id as string);
          else docs.set(d.id as string, d);
        }
      }
      expect([...docs.keys()].sort()).toEqual(['b2', 'root', 'w']);
    } finally {
      client.close();
    }
  });

  it('a socket whose member’s scope change was logged by another socket’s sign-in pulls with the member as they are now (seed 645748)', async () => {
    // No poll, so no dispatch resets this socket's copy of the member: only the other device's sign-in evaluates the move.
    server = await startSyncServer({ KUMIAI_SYNC_POLL_MS: '10000' });
    const s = server;
    for (const [id, parent] of [['root', null], ['b1', 'root'], ['b2', 'root'], ['w', 'b1']] as const) putUnit(s, id, parent);
    await seedMember(s.db, { id: 'z', employeeNumber: '100', unitId: 'w', password: null });
    const clients: RawClient[] = [];
    try {
      const phone = await openAs(s, 'z', clients);
      const first = await phone.pullAll('units');
      expect([...first.docs.keys()].sort()).toEqual(['b1', 'root', 'w']);
      moveFromOtherProcess(s, 'w', 'b2');
      // The member's other device signs in: the server logs what the move took from and gave to their scope.
      await openAs(s, 'z', clients);
      const after = await phone.pullAll('units', first.checkpoint);
      const docs = new Map(first.docs);
      for (const [id, d] of after.docs) {
        if (d._deleted) docs.delete(id);
        else docs.set(id, d);
      }
      expect([...docs.keys()].sort()).toEqual(['b2', 'root', 'w']);
      // Nothing is owed after that checkpoint: whatever the answer left out, no later pull would bring it.
      expect((await phone.pullAll('units', after.checkpoint)).docs.size).toBe(0);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('a workplace moved to another branch: its member, both branch officers and an offline device end with the new tree', async () => {
    server = await startSyncServer();
    const s = server;
    for (const [id, parent] of [['root', null], ['b1', 'root'], ['b2', 'root'], ['w', 'b1'], ['g1', 'w'], ['g2', 'w']] as const) putUnit(s, id, parent);
    const people: Person[] = [
      { id: 'z', unit: 'w', grants: [] },
      { id: 'o1', unit: 'b1', grants: [['officer', 'b1']] },
      { id: 'o2', unit: 'b2', grants: [['officer', 'b2']] },
      { id: 'g', unit: 'g1', grants: [] },
      { id: 'wo', unit: 'g2', grants: [['officer', 'w']] },
    ];
    for (const [i, p] of people.entries()) await seedMember(s.db, { id: p.id, employeeNumber: String(100 + i), unitId: p.unit, roles: p.grants, password: null });
    const live = await Promise.all(people.filter((p) => p.id !== 'g').map((p) => openDevice(s, p)));
    const offline = await openDevice(s, people.find((p) => p.id === 'g')!);
    await settle(s, people, 'first sync');
    await disconnect(offline);

    moveFromOtherProcess(s, 'w', 'b2');
    await settle(s, people, 'after the move (live devices)');
    expect((await held(live.find((d) => d.person.id === 'o1')!)).units).toEqual(['b1', 'root']);
    expect((await held(live.find((d) => d.person.id === 'o2')!)).units).toEqual(['b2', 'g1', 'g2', 'root', 'w']);

    await connect(offline, s.url);
    await settle(s, people, 'after the move (the offline device back)');

    // And back again, in this process (the admin screen's path).
    for (const d of live.slice(0, 2)) await disconnect(d);
    moveFromOtherProcess(s, 'w', 'b1');
    await settle(s, people, 'moved back (live devices)');
    for (const d of live.slice(0, 2)) await connect(d, s.url);
    await settle(s, people, 'moved back (devices that were offline)');
  }, 60_000); // many devices settling in turn: generous on a loaded 2-core machine; each wait fails on its own with the difference

  // A fixed seed by default, so a run of the suite is the same run every time; KUMIAI_TEST_SEED=random explores
  // (KUMIAI_TEST_SEED=<n> replays one).
  it('random trees, grants and moves (seeded): every device ends as the independent expectation', async () => {
    const chosen = process.env.KUMIAI_TEST_SEED ?? '493976';
    await randomMoves(chosen === 'random' ? Date.now() % 1_000_000 : Number(chosen));
  }, 120_000); // many devices settling in turn: generous on a loaded 2-core machine; each wait fails on its own with the difference

  // Regression: in round 3 a device that came back online in round 2 still had its first pull in flight when the
  // move was committed; a pull answered with a socket's old copy of the member handed out a checkpoint past the
  // move's scope log (see server/src/sync/README.md, "A socket's copy of its member").
  it('random trees, grants and moves, seed 645748: a device whose first pull after coming back meets a move', async () => {
    await randomMoves(645748);
  }, 120_000);
});

/** Ten random units, nine people with random grants, five devices; four rounds of a move (some devices offline), half with a grant. */
async function randomMoves(seed: number): Promise<void> {
  console.log(`unit-moves property seed: ${seed} (replay with KUMIAI_TEST_SEED=${seed})`);
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  server = await startSyncServer();
  const s = server;
  const units = new Map<string, string | null>([['root', null]]);
  putUnit(s, 'root', null);
  for (let i = 0; i < 10; i++) {
    const id = `u${i}`;
    const parent = pick([...units.keys()]);
    units.set(id, parent);
    putUnit(s, id, parent);
  }
  const unitIds = [...units.keys()];
  const people: Person[] = [];
  for (let i = 0; i < 9; i++) {
    const roll = rand();
    const grants: [Role, string][] = roll < 0.4 ? [] : roll < 0.7 ? [['officer', pick(unitIds.slice(1))]] : roll < 0.85 ? [['viewer', pick(unitIds)]] : [['treasurer', pick(unitIds)]];
    people.push({ id: `p${i}`, unit: pick(unitIds), grants });
  }
  for (const [i, p] of people.entries()) await seedMember(s.db, { id: p.id, employeeNumber: String(200 + i), unitId: p.unit, roles: p.grants, password: null });
  // Five devices (RxDB's free edition opens at most 13 collections in a process; each device has two).
  for (const p of people.slice(0, 5)) await openDevice(s, p);
  await settle(s, people, `seed ${seed}: first sync`);

  for (let round = 0; round < 4; round++) {
    // Some devices go offline for this move; they come back after it.
    const away = devices.filter(() => rand() < 0.4);
    for (const d of away) await disconnect(d);
    const movable = unitIds.filter((id) => id !== 'root');
    const unit = pick(movable);
    const inside = subtree(units, unit);
    const parent = pick(unitIds.filter((id) => !inside.has(id) && id !== units.get(unit)));
    if (parent !== undefined) {
      units.set(unit, parent);
      moveFromOtherProcess(s, unit, parent);
    }
    // Half the rounds also grant someone a role on the unit just moved (or a unit inside it).
    let granted = '';
    const person = pick(people);
    const on = pick([...subtree(units, unit)]);
    const role = pick(['officer', 'viewer'] as const);
    // A role is held once per unit (the schema says so): a draw of one already held grants nothing.
    if (rand() < 0.5 && !person.grants.some(([r, u]) => r === role && u === on)) {
      person.grants.push([role, on]);
      s.db.prepare('INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, 0)').run(`${person.id}-${role}-${on}-${round}`, person.id, on, role);
      granted = `; ${person.id} made ${role} of ${on}`;
    }
    await settle(s, people, `seed ${seed}, round ${round}: ${unit} moved under ${parent}${granted} (live devices)`);
    for (const d of away) await connect(d, s.url);
    await settle(s, people, `seed ${seed}, round ${round}: devices back online`);
  }
}
