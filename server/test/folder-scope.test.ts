import type { Audience } from '@kumiai/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSignIn, request, startHttpServer, type HttpServer } from './http-client.ts';
import { PASSWORD, seedOrg } from './seed.ts';

/** Issue 11, finding 11: adding a documents folder follows the publishing rule (its audience within the actor's scope). Real HTTP server. */
let server: HttpServer;
beforeEach(async () => {
  server = await startHttpServer();
  await seedOrg(server);
});
afterEach(async () => {
  await server.close();
});

const audience = (a: Partial<Audience>): Audience => ({ all: false, units: [], roles: [], members: [], ...a });
const folders = () => server.db.prepare("SELECT title, audience FROM documents WHERE kind = 'folder' AND author_id IS NOT NULL ORDER BY title").all();

describe('adding a folder', () => {
  it('a branch officer cannot add a folder for the whole union, another branch or by role; nothing is stored', async () => {
    const offA = await httpSignIn(server, '000010', PASSWORD);
    const add = (body: Record<string, unknown>) => request(server, '/api/folders', { headers: offA, json: { name: '全組合員向け', ...body } });
    for (const body of [{}, { audience: audience({ all: true }) }, { audience: audience({ units: ['bB'] }) }, { audience: audience({ units: ['bA', 'wB1'] }) }, { audience: audience({ roles: ['officer'] }) }, { audience: audience({}) }]) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(folders()).toEqual([]);
  });

  it('a branch officer adds one for their branch, and an admin one for the whole union (the default)', async () => {
    const offA = await httpSignIn(server, '000010', PASSWORD);
    const admin = await httpSignIn(server, '000001', PASSWORD);
    expect((await request(server, '/api/folders', { headers: offA, json: { name: 'A支部資料', audience: audience({ units: ['wA1'] }) } })).status).toBe(201);
    expect((await request(server, '/api/folders', { headers: admin, json: { name: '全体資料' } })).status).toBe(201);
    expect(folders()).toEqual([
      { title: 'A支部資料', audience: JSON.stringify(audience({ units: ['wA1'] })) },
      { title: '全体資料', audience: JSON.stringify(audience({ all: true })) },
    ]);
    // A plain member adds none.
    const member = await httpSignIn(server, '000100', PASSWORD);
    expect((await request(server, '/api/folders', { headers: member, json: { name: '私の', audience: audience({ units: ['wA1'] }) } })).status).toBe(403);
  });
});
