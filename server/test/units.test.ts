import { describe, expect, it } from 'vitest';
import type { UnitView } from '@kumiai/shared';
import { eachSeededServer, signIn } from './seed.ts';

/**
 * The unit tree's writes (UnitsService over UnitsRepo) through the real server:
 * create, rename, move, archive of a subtree, each audited once; archiving is
 * refused while active members belong anywhere in the subtree.
 */
const server = eachSeededServer();

const actions = () => server().db.prepare('SELECT action, actor_id, target FROM audit_log ORDER BY seq').all() as { action: string; actor_id: string | null; target: string }[];
const unit = (id: string) => server().db.prepare('SELECT parent_id, name, code, archived_at FROM units WHERE id = ?').get(id) as { parent_id: string; name: string; code: string | null; archived_at: number | null };

describe('the unit tree', () => {
  it('creates, renames, moves and archives a subtree, auditing each change once', async () => {
    const admin = await signIn(server(), '000001');
    const call = (method: 'POST' | 'PATCH', url: string, payload?: object) => server().app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    const created = await call('POST', '/api/units', { parentId: 'bA', name: ' 新職場 ', kind: 'workplace', code: 'N1' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ unit: UnitView }>().unit.id;
    const child = (await call('POST', '/api/units', { parentId: id, name: '班', kind: 'group' })).json<{ unit: UnitView }>().unit.id;
    expect(unit(id)).toMatchObject({ parent_id: 'bA', name: '新職場', code: 'N1' });

    expect((await call('PATCH', `/api/units/${id}`, { name: '改名職場', code: null })).statusCode).toBe(200);
    expect(unit(id)).toMatchObject({ name: '改名職場', code: null, parent_id: 'bA' });
    expect((await call('PATCH', `/api/units/${id}`, { parentId: 'bB' })).statusCode).toBe(200);
    expect(unit(id)).toMatchObject({ name: '改名職場', parent_id: 'bB' });
    expect((await call('PATCH', `/api/units/${id}`, { parentId: child })).json<{ error: { code: string } }>().error.code).toBe('unit_cycle');

    // An active member in the child unit blocks archiving the parent; once they left, the whole subtree is archived.
    server().db.prepare("UPDATE members SET unit_id = ? WHERE id = 'memB'").run(child);
    const refused = await call('POST', `/api/units/${id}/archive`);
    expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([409, 'unit_has_members']);
    expect(unit(child).archived_at).toBeNull();
    server().db.prepare("UPDATE members SET status = 'left' WHERE id = 'memB'").run();
    expect((await call('POST', `/api/units/${id}/archive`)).statusCode).toBe(200);
    expect([unit(id).archived_at, unit(child).archived_at]).toEqual([server().clock.now(), server().clock.now()]);
    expect(unit('bB').archived_at).toBeNull();

    expect(actions().filter((a) => a.action.startsWith('unit.'))).toEqual([
      { action: 'unit.created', actor_id: 'admin', target: id },
      { action: 'unit.created', actor_id: 'admin', target: child },
      { action: 'unit.renamed', actor_id: 'admin', target: id },
      { action: 'unit.moved', actor_id: 'admin', target: id },
      { action: 'unit.archived', actor_id: 'admin', target: id },
    ]);
  });
});
