import fs from 'node:fs';
import path from 'node:path';
import type { ConsultationStats } from '@kumiai/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { seedMember } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';
import { assign, caseDoc, live, messageDoc, pushOk, seedDesks, signIn, upload } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const DAY = 24 * 3600 * 1000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function stats(headers: { cookie: string; origin: string }, month: string) {
  const res = await server.app.inject({ method: 'GET', url: `/api/consultations/stats?from=${month}&to=${month}`, headers });
  return { status: res.statusCode, body: res.statusCode === 200 ? res.json<ConsultationStats>() : null, raw: res.body };
}

describe('consultation counts and retention (issue 21)', () => {
  it('counts per category × unit × month with groups under 5 left out, never summed over them; retention and the member’s request delete content and keep the counts', async () => {
    server = await startSyncServer();
    await seedDesks(server);
    const month = new Date(server.clock.now()).toISOString().slice(0, 7);
    // Five overtime cases at workplace A1's desk, from five members; two pay cases at branch A's desk.
    const members = ['memA', 'a2', 'a3', 'a4', 'a5'];
    for (const [i, id] of members.slice(1).entries()) await seedMember(server.db, { id, employeeNumber: `00090${i}`, unitId: 'wA1', password: null });
    const cases: string[] = [];
    for (const id of members) {
      const client = await openAs(server, id, clients);
      const doc = caseDoc();
      await pushOk(client, doc);
      cases.push(doc.id);
    }
    const memA = clients[0]!;
    await pushOk(memA, caseDoc({ category: 'pay' }), caseDoc({ category: 'pay' }));

    const expected = { minGroup: 5, cells: [{ category: 'overtime', unitId: 'wA1', month, count: 5 }], shownTotal: 5 };
    const admin = await signIn(server, '000001');
    const offA = await signIn(server, '000010');
    expect((await stats(admin, month)).body).toEqual(expected);
    // The branch officer's scope holds both desks: the pay group of 2 is left out, and no total counts it.
    expect((await stats(offA, month)).body).toEqual(expected);
    expect((await stats(offA, month)).raw).not.toContain('pay');
    expect((await stats(await signIn(server, '000020'), month)).body).toEqual({ minGroup: 5, cells: [], shownTotal: 0 });
    expect((await stats(await signIn(server, '000100'), month)).status).toBe(403);

    // The union keeps closed cases' content 30 days.
    expect((await server.app.inject({ method: 'PUT', url: '/api/consultations/settings', headers: offA, payload: { retentionDays: 30 } })).statusCode).toBe(403);
    const set = await server.app.inject({ method: 'PUT', url: '/api/consultations/settings', headers: admin, payload: { retentionDays: 30 } });
    expect(set.json()).toEqual({ retentionDays: 30 });

    // memA's case, with a file and a reply, is resolved; 31 days later its content is gone from the database, the disk and the devices.
    const offW = await signIn(server, '000012');
    const file = await upload(server, await signIn(server, '000100'), 'a.png', PNG);
    const withFile = caseDoc({ attachments: [file] });
    await pushOk(memA, withFile);
    expect((await assign(server, offW, withFile.id, ['offW'])).statusCode).toBe(200);
    const officer = await openAs(server, 'offW', clients);
    const reply = messageDoc(withFile.id, '対応します');
    await pushOk(officer, reply);
    expect((await server.app.inject({ method: 'POST', url: `/api/consultations/${withFile.id}/status`, headers: offW, payload: { status: 'resolved' } })).statusCode).toBe(200);
    const held = await live(memA);
    const officerHeld = await live(officer);
    const hash = server.db.prepare('SELECT hash FROM consultation_files WHERE id = ?').pluck().get(file.id) as string;
    const onDisk = path.join(server.config.dataDir, 'uploads', hash.slice(0, 2), hash);
    expect(fs.existsSync(onDisk)).toBe(true);

    server.clock.advance(29 * DAY);
    expect(server.services.consultations.applyRetention()).toBe(0);
    server.clock.advance(2 * DAY);
    expect(server.services.consultations.applyRetention()).toBe(1);
    expect(server.db.prepare("SELECT count(*) FROM consultations WHERE case_id = ? AND (erased = 0 OR text != '' OR attachments != '')").pluck().get(withFile.id)).toBe(0);
    expect(fs.existsSync(onDisk)).toBe(false);
    expect(server.db.prepare('SELECT count(*) FROM consultation_files WHERE id = ?').pluck().get(file.id)).toBe(0);
    // (The devices' tokens expired meanwhile: they sign in again and pull from where they were.)
    expect((await live(await openAs(server, 'memA', clients), held.checkpoint)).removed).toEqual([withFile.id, reply.id].sort());
    expect((await live(await openAs(server, 'offW', clients), officerHeld.checkpoint)).removed).toEqual([withFile.id, reply.id].sort());
    // Still counted: six overtime cases at A1 that month.
    const admin2 = await signIn(server, '000001');
    expect((await stats(admin2, month)).body?.cells).toEqual([{ category: 'overtime', unitId: 'wA1', month, count: 6 }]);

    // A member asks for their open case's content to be deleted now; nobody else can.
    const [, second] = cases;
    expect((await server.app.inject({ method: 'POST', url: `/api/consultations/${second}/erase`, headers: await signIn(server, '000100'), payload: {} })).statusCode).toBe(404);
    const theirs = await openAs(server, 'a2', clients);
    const before = await live(theirs);
    server.db.prepare("UPDATE members SET password_hash = (SELECT password_hash FROM members WHERE id = 'memA') WHERE id = 'a2'").run();
    const erased = await server.app.inject({ method: 'POST', url: `/api/consultations/${second}/erase`, headers: await signIn(server, '000900'), payload: {} });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await live(theirs, before.checkpoint)).removed).toEqual([second]);
    expect(server.db.prepare('SELECT erased, text, category, month FROM consultations WHERE id = ?').get(second)).toEqual({ erased: 1, text: '', category: 'overtime', month });
    expect((await stats(admin2, month)).body?.cells).toEqual([{ category: 'overtime', unitId: 'wA1', month, count: 6 }]);
  });
});
