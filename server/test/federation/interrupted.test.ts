import { afterEach, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../sync/support.ts';
import { DAY, linkUnion, publishItem, startTrio, sync, type Trio } from './support.ts';

let trio: Trio;
let restarted: SyncServer | undefined;
afterEach(async () => {
  await restarted?.close();
  restarted = undefined;
  await trio.close();
});

describe('federation: a link interrupted for a week (issue 20)', () => {
  it('resumes from its checkpoint after the union’s server was down for seven days: every item once, none lost, none twice', async () => {
    trio = await startTrio({ keepUnionData: true });
    const { federation, union } = trio;
    await linkUnion(trio);
    const first = await publishItem(federation, { title: '停止前' });
    expect((await sync(union)).result).toMatchObject({ received: 1 });
    const dataDir = union.config.dataDir;
    await union.close();

    // A week of federation work while the union is down: more items than one page (100).
    const fadmin = federation.services.actors.load('fadmin')!;
    const published: string[] = [];
    for (let day = 0; day < 7; day++) {
      federation.clock.advance(DAY);
      for (let i = 0; i < 20; i++) published.push(federation.services.federationHub.publish(fadmin, { kind: i % 2 ? 'action' : 'notice', title: `${day}日目-${i}`, body: '本文' }).id);
    }
    expect(published).toHaveLength(140);

    // The union comes back a week later (its clock too: messages carry their time).
    restarted = await startSyncServer({}, { dataDir });
    restarted.clock.advance(federation.clock.now() - restarted.clock.now());
    await restarted.services.federationLink.syncIfLinked(); // the hourly job
    const ids = restarted.db.prepare('SELECT id FROM link_inbox ORDER BY published_at, id').pluck().all() as string[];
    expect(ids).toHaveLength(141);
    expect(new Set(ids)).toEqual(new Set([first.id, ...published]));
    // The checkpoint reached the federation's last item (its sync sequence).
    const lastItem = federation.db.prepare("SELECT max(seq) FROM sync_docs WHERE collection = 'federation_items'").pluck().get() as number;
    const checkpoint = JSON.parse(restarted.db.prepare('SELECT peer_checkpoint FROM link_federation').pluck().get() as string) as { seq: number };
    expect(checkpoint.seq).toBeGreaterThanOrEqual(lastItem);

    // Pulling again brings nothing twice; a new item comes alone.
    expect((await sync(restarted)).result).toMatchObject({ received: 0 });
    await publishItem(federation, { title: '再開後' });
    expect((await sync(restarted)).result).toMatchObject({ received: 1 });
    expect(restarted.db.prepare('SELECT count(*) FROM link_inbox').pluck().get()).toBe(142);
  });
});
