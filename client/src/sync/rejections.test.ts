import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemberDatabase, type MemberDatabase } from './database.ts';
import { rejectionKey } from './rejections.ts';

const open: MemberDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.remove();
});

async function database(memberId: string): Promise<MemberDatabase> {
  const db = await openMemberDatabase({ memberId, storage: getRxStorageMemory(), multiInstance: false, devMode: false, collections: [{ name: 'members' }] });
  open.push(db);
  return db;
}

const refusal = (at: number, extra: Partial<{ id: string; field: string; code: 'forbidden_field' | 'forbidden' }> = {}) => ({
  collection: 'members',
  id: extra.id ?? 'm1',
  code: extra.code ?? ('forbidden_field' as const),
  message: 'name may not be changed',
  field: extra.field ?? 'name',
  attempted: { name: `try ${at}` },
  at,
});

describe('refused changes', () => {
  it('a change refused again and again, sequentially or at once, is listed once with its latest attempt', async () => {
    const db = await database('m-repeat');
    await db.rejections.add([refusal(1)]);
    await db.rejections.add([refusal(2)]);
    await Promise.all([db.rejections.add([refusal(3)]), db.rejections.add([refusal(4)]), db.rejections.add([refusal(5), refusal(6)])]);
    const list = db.rejections.listRejections();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'm1', field: 'name', attempted: { name: 'try 6' }, key: rejectionKey(refusal(0)) });
  });

  it('different refusals stay apart, and dismissing one leaves the others', async () => {
    const db = await database('m-apart');
    await db.rejections.add([refusal(1), refusal(2, { field: 'unitId' }), refusal(3, { id: 'm2' }), refusal(4, { code: 'forbidden' })]);
    expect(db.rejections.listRejections()).toHaveLength(4);
    await db.rejections.dismissRejection(rejectionKey(refusal(0)));
    expect(db.rejections.listRejections().map((r) => [r.id, r.code, r.field])).toEqual([
      ['m1', 'forbidden_field', 'unitId'],
      ['m2', 'forbidden_field', 'name'],
      ['m1', 'forbidden', 'name'],
    ]);
  });

  it('a list stored with one entry per refusal (earlier versions, or writers that raced) shows each refusal once, as the same array until it changes', async () => {
    const db = await database('m-legacy');
    const legacy = [1, 2, 3, 4, 5].map((n) => ({ ...refusal(n), key: `members|m1|${n}|x${n}` }));
    await db.db.insertLocal('kumiai-sync-rejections', { items: legacy });
    await new Promise((r) => setTimeout(r, 50));
    const first = db.rejections.listRejections();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ attempted: { name: 'try 5' } });
    expect(db.rejections.listRejections()).toBe(first);
    await db.rejections.dismissRejection(first[0]!.key);
    expect(db.rejections.listRejections()).toHaveLength(0);
  });
});
