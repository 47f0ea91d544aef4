import { seededRandom } from '@kumiai/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { seedOrg, signIn } from '../seed.ts';
import { openAs, RawClient, startSyncServer, type SyncServer, waitFor } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const clientFor = (memberId: string) => openAs(server, memberId, clients);


describe('sync scope', () => {
  it('gives each of 300 generated members exactly the member records a hand-walked reference says', async () => {
    const seed = Number(process.env.KUMIAI_TEST_SEED ?? Date.now() % 1_000_000);
    console.log(`scope property test seed: ${seed} (rerun with KUMIAI_TEST_SEED=${seed})`);
    const random = seededRandom(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // 300 devices, all from 127.0.0.1 within a second: past the per-address rate of new sockets (a defence tested in limits.test.ts).
    server = await startSyncServer({ KUMIAI_SYNC_NEW_SOCKETS_PER_SECOND: '100000' });
    const db = server.db;

    // A random tree: the union, 4–6 branches, 2–4 workplaces each, some groups below.
    const parent = new Map<string, string | null>([['root', null]]);
    const putUnit = db.prepare('INSERT INTO units (id, parent_id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)');
    putUnit.run('root', null, 'union', 'union');
    for (let b = 0; b < 4 + Math.floor(random() * 3); b++) {
      const branch = `b${b}`;
      parent.set(branch, 'root');
      putUnit.run(branch, 'root', branch, 'branch');
      for (let w = 0; w < 2 + Math.floor(random() * 3); w++) {
        const work = `${branch}w${w}`;
        parent.set(work, branch);
        putUnit.run(work, branch, work, 'workplace');
        if (random() < 0.3) {
          parent.set(`${work}g`, work);
          putUnit.run(`${work}g`, work, `${work}g`, 'group');
        }
      }
    }
    const units = [...parent.keys()];
    const roles = ['admin', 'officer', 'treasurer', 'viewer', 'election_commissioner', 'member'] as const;
    const members: { id: string; unit: string; status: string; grants: [string, string][] }[] = [];
    const putMember = db.prepare("INSERT INTO members (id, employee_number, name, unit_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)");
    const putGrant = db.prepare('INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, 0)');
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const m = { id: `m${i}`, unit: pick(units), status: random() < 0.05 ? 'left' : random() < 0.1 ? 'on_leave' : 'active', grants: [] as [string, string][] };
        const grantCount = random() < 0.7 ? 0 : 1 + Math.floor(random() * 2);
        for (let g = 0; g < grantCount; g++) {
          const grant: [string, string] = [pick(roles.slice(1)), pick(units)];
          if (random() < 0.02) grant[0] = 'admin';
          if (!m.grants.some(([r, u]) => r === grant[0] && u === grant[1])) m.grants.push(grant);
        }
        members.push(m);
        putMember.run(m.id, String(100000 + i), m.id, m.unit, m.status);
        m.grants.forEach(([role, unit], g) => putGrant.run(`${m.id}-g${g}`, m.id, unit, role));
      }
    })();

    // The reference, by walking the tree by hand (no shared/ rules): a member sees
    // their own record, and every record in the subtree of a unit where they hold
    // any role but 'member'; a member who left sees nothing.
    const inSubtree = (unit: string, top: string): boolean => {
      for (let at: string | null | undefined = unit; at; at = parent.get(at)) if (at === top) return true;
      return false;
    };
    const expected = (m: (typeof members)[number]): string[] => {
      if (m.status === 'left') return [];
      const tops = m.grants.filter(([role]) => role !== 'member').map(([, unit]) => unit);
      return members.filter((o) => o.id === m.id || tops.some((top) => inSubtree(o.unit, top))).map((o) => o.id).sort();
    };

    let checked = 0;
    for (const m of members) {
      if (m.status === 'left') {
        const { token } = server.services.tokens.create(m.id, 1);
        await expect(RawClient.open(server.url, { token })).rejects.toThrow(/auth failed|closed|socket/i);
        continue;
      }
      const client = await clientFor(m.id);
      const { docs } = await client.pullAll('members', null, 97);
      expect([...docs.keys()].sort(), `member ${m.id} (${m.unit}, ${JSON.stringify(m.grants)})`).toEqual(expected(m));
      client.close();
      clients.pop();
      checked += 1;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('a member moved to another unit loses the old unit’s records and gets the new one’s, online and after being offline', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    server.services.sync.processScopeChanges();
    // offA (officer of branch A) moves to branch B as its officer.
    const online = await clientFor('offA');
    const offline = await clientFor('offA');
    const first = await online.pullAll('members');
    expect([...first.docs.keys()].sort()).toEqual(['memA', 'offA', 'viewA']);
    online.subscribe('members');
    const offlineState = await offline.pullAll('members');
    offline.close();
    clients.splice(clients.indexOf(offline), 1);

    const admin = await signIn(server, '000001');
    await server.app.inject({ method: 'POST', url: '/api/roles', headers: admin, payload: { memberId: 'offA', unitId: 'bB', role: 'officer' } });
    await server.app.inject({ method: 'DELETE', url: '/api/roles/offA-officer-bA', headers: admin });
    await server.app.inject({ method: 'PATCH', url: '/api/members/offA', headers: admin, payload: { unitId: 'wB1' } });

    // Online: the stream says RESYNC; the pull from its checkpoint brings removals and new records.
    await waitFor(() => online.streamed.some((m) => m.result === 'RESYNC'), 3000, 'RESYNC');
    const after = await online.pullAll('members', first.checkpoint);
    const state = new Map(first.docs);
    for (const [id, doc] of after.docs) state.set(id, doc);
    const held = [...state.values()].filter((d) => !d._deleted).map((d) => d.id).sort();
    expect(held).toEqual(['memB', 'offA', 'offB']);
    // Removed records come without their content.
    expect(after.docs.get('memA')).toMatchObject({ id: 'memA', _deleted: true, name: '' });

    // The device that was offline during the move catches up from its old checkpoint.
    const back = await clientFor('offA');
    const caughtUp = await back.pullAll('members', offlineState.checkpoint);
    const backState = new Map(offlineState.docs);
    for (const [id, doc] of caughtUp.docs) backState.set(id, doc);
    expect([...backState.values()].filter((d) => !d._deleted).map((d) => d.id).sort()).toEqual(['memB', 'offA', 'offB']);
  });

  it('a socket whose member lost a role, logged by another socket’s sign-in, is refused what the role gave, without seeing its newer content', async () => {
    // No poll, so no dispatch refreshes the first socket's copy of offA: only the second socket's sign-in evaluates the change.
    server = await startSyncServer({ KUMIAI_SYNC_POLL_MS: '10000' });
    await seedOrg(server);
    server.services.sync.processScopeChanges();
    const phone = await clientFor('offA');
    const pulled = (await phone.pullAll('members')).docs.get('memA')!;
    server.db.prepare("UPDATE members SET phone = '090-0000-1111', updated_at = updated_at + 1 WHERE id = 'memA'").run();
    server.db.prepare("DELETE FROM role_grants WHERE member_id = 'offA' AND role = 'officer'").run();
    await clientFor('offA');
    const reply = await phone.request('members', 'masterWrite', [[{ assumedMasterState: pulled, newDocumentState: { ...pulled, email: 'x@example.org' } }]]);
    // As a member who no longer sees memA: refused, and no conflict hands back memA's current record.
    expect(reply.result).toEqual([]);
    expect(reply.rejected).toEqual([expect.objectContaining({ id: 'memA', code: 'forbidden' })]);
  });

  it('a narrowed scope never sends even the id of a record the member could never see', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    server.services.sync.processScopeChanges();
    const member = await clientFor('memA');
    const start = await member.pullAll('members');
    const admin = await signIn(server, '000001');
    // Records move around elsewhere in the union.
    await server.app.inject({ method: 'PATCH', url: '/api/members/memB', headers: admin, payload: { unitId: 'bB' } });
    await server.app.inject({ method: 'PATCH', url: '/api/members/offB', headers: admin, payload: { name: '変更' } });
    const later = await member.pullAll('members', start.checkpoint);
    expect([...later.docs.keys()]).toEqual([]);
  });
});
