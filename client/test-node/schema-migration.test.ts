import { documentDocSchema, formDocSchema, noticeDocSchema, type NoticeDoc } from '@kumiai/shared';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { databaseNameFor, openMemberDatabase } from '../src/sync/database.ts';
import { everyCollection } from './collections.ts';

/** A synced schema as a device of the previous release held it: version 0, without the English fields. */
function previous(schema: { properties: Record<string, unknown> }, added: readonly string[]): RxJsonSchema<Record<string, unknown>> {
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => !added.includes(key)));
  return { ...schema, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const oldNotice = {
  id: 'n1',
  title: '定期大会のお知らせ',
  body: '本文',
  category: 'general',
  pinned: false,
  allowComments: true,
  audience: { all: true, units: [], roles: [], members: [] },
  status: 'published',
  publishAt: 1,
  expiresAt: null,
  authorId: 'a',
  authorName: '役員',
  attachments: [],
  version: 1,
  updatedAt: 1,
};

/**
 * Notices, forms and documents went to schema version 1 (the English beside the
 * Japanese). A device that kept documents of version 0 opens its database with
 * the new release: RxDB runs the registrations' migration steps, in dev-mode too.
 */
describe('synced schema migrations', () => {
  it('an old notice on the device opens under schema 1 with no English (titleEn/bodyEn null) and keeps its Japanese', async () => {
    const storage = getRxStorageMemory();
    const memberId = 'migrating-member';
    const old = await createRxDatabase<Record<string, RxCollection>>({ name: databaseNameFor(memberId), storage, multiInstance: false, localDocuments: true });
    await old.addCollections({
      notices: { schema: previous(noticeDocSchema, ['titleEn', 'bodyEn']) },
      forms: { schema: previous(formDocSchema, ['titleEn', 'descriptionEn']) },
      documents: { schema: previous(documentDocSchema, ['titleEn', 'descriptionEn']) },
    });
    await old.collections.notices?.insert(oldNotice);
    await old.close();

    const db = await openMemberDatabase({ memberId, storage, devMode: true, multiInstance: false, collections: everyCollection });
    try {
      const doc = (await db.db.notices.findOne('n1').exec())?.toJSON() as NoticeDoc | undefined;
      expect(doc?.title).toBe('定期大会のお知らせ');
      expect(doc?.titleEn).toBeNull();
      expect(doc?.bodyEn).toBeNull();
      // The new shape is written and validated: the English arrives with the server's next change.
      await db.db.notices.upsert({ ...(doc as NoticeDoc), titleEn: 'Annual convention', bodyEn: 'Text', updatedAt: 2 });
      expect((await db.db.notices.findOne('n1').exec())?.titleEn).toBe('Annual convention');
    } finally {
      await db.close();
    }
  });
});
