import type { EventDoc } from '@kumiai/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers.ts';
import { committee, createMeeting, DAY, rsvpRow } from '../../server/test/meetings/support.ts';
import { seedOrg, signIn } from '../../server/test/seed.ts';
import { eventsCollection } from '../src/features/meetings/collections.ts';
import type { SyncEngine } from '../src/sync/engine.ts';
import { unitsAndMembers } from './collections.ts';
import { Devices, listenForDevices } from './device.ts';
import { until } from './until.ts';

/** The app's `events` registration through the client sync engine, against the real server (real SQLite file, real socket). */
let server: TestServer | null = null;
const devices = new Devices();

afterEach(async () => {
  await devices.stopAll();
  await server?.close();
  server = null;
});

const device = (memberId: string, url: string): Promise<SyncEngine> => devices.start(server!, memberId, url, [...unitsAndMembers, eventsCollection]);

const rsvpOf = async (engine: SyncEngine, id: string): Promise<EventDoc | undefined> => (await engine.database.db.events.findOne(id).exec())?.toJSON() as EventDoc | undefined;

describe('meetings on the device', () => {
  it('holds the meeting and the member’s own rsvp; an answer with a proxy to the chair reaches the server; after the start the server refuses and the device goes back', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const meeting = await createMeeting(server, offA, committee(server));
    const url = await listenForDevices(server);

    const mem = await device('memA', url);
    await mem.replication.awaitInSync();
    const rsvpId = `rsvp:${meeting.id}:memA`;
    expect((await mem.database.db.events.find().exec()).map((d) => d.id).sort()).toEqual([meeting.id, rsvpId]);
    expect(await rsvpOf(mem, rsvpId)).toMatchObject({ answer: 'undecided', proxy: null, present: false });

    // The member's answer (the device's fields only) reaches the server, and nothing waits any more.
    const doc = (await mem.database.db.events.findOne(rsvpId).exec())!;
    await doc.incrementalPatch({ answer: 'absent', note: '出張のため', proxy: { chair: true } });
    await until(() => rsvpRow(server!, meeting.id, 'memA')?.answer === 'absent', 5000);
    await until(() => mem.database.pending.count === 0, 5000);
    expect(rsvpRow(server, meeting.id, 'memA')).toMatchObject({ answer: 'absent', note: '出張のため', proxy: JSON.stringify({ chair: true }) });
    expect(mem.database.rejections.listRejections()).toEqual([]);

    // After the start (the server's clock), a change is refused as closed and the device shows the server's answer again.
    server.clock.advance(meeting.startsAt - server.clock.now() + DAY / 24);
    await (await mem.database.db.events.findOne(rsvpId).exec())!.incrementalPatch({ answer: 'attend', proxy: null });
    await until(() => mem.database.rejections.listRejections().length === 1, 5000);
    expect(mem.database.rejections.listRejections()[0]).toMatchObject({ id: rsvpId, code: 'closed' });
    await until(async () => (await rsvpOf(mem, rsvpId))?.answer === 'absent', 5000);
    expect(rsvpRow(server, meeting.id, 'memA')).toMatchObject({ answer: 'absent' });
  });
});
