import type { Audience } from '@kumiai/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSignIn, request, startHttpServer, type HttpServer } from './http-client.ts';
import { PASSWORD, seedOrg } from './seed.ts';

/**
 * Issue 11, finding 6: a notice's history (every earlier version, with its
 * audience) is for those who may edit the notice; everyone else gets the 404 a
 * missing notice gets. Through the real HTTP server.
 */
let server: HttpServer;
let as: Record<'admin' | 'offA' | 'offB' | 'memA', Record<string, string>>;

beforeEach(async () => {
  server = await startHttpServer();
  await seedOrg(server);
  as = {
    admin: await httpSignIn(server, '000001', PASSWORD),
    offA: await httpSignIn(server, '000010', PASSWORD),
    offB: await httpSignIn(server, '000020', PASSWORD),
    memA: await httpSignIn(server, '000100', PASSWORD),
  };
});
afterEach(async () => {
  await server.close();
});

const audience = (a: Partial<Audience>): Audience => ({ all: false, units: [], roles: [], members: [], ...a });
async function publish(who: Record<string, string>, body: Record<string, unknown>): Promise<string> {
  const res = await request(server, '/api/notices', { headers: who, json: { body: '本文', ...body } });
  expect(res.status).toBe(201);
  return res.json<{ id: string }>().id;
}
const history = (who: Record<string, string>, id: string) => request(server, `/api/notices/${id}/history`, { headers: who });

describe('notice history', () => {
  it('a plain member cannot read a version first published to officers only, even once the notice is for everyone', async () => {
    const id = await publish(as.admin, { title: 'CONFIDENTIAL: strike ballot', audience: audience({ roles: ['officer'] }) });
    const widened = await request(server, `/api/notices/${id}`, { method: 'PUT', headers: as.admin, json: { title: 'Meeting on Friday', body: '本文', audience: audience({ all: true }) } });
    expect(widened.status).toBe(200);

    const missing = await history(as.memA, 'no-such-notice');
    for (const reader of [as.memA, as.offB]) {
      const res = await history(reader, id);
      expect(res.status).toBe(404);
      expect(res.json()).toEqual(missing.json());
      expect(res.text).not.toContain('CONFIDENTIAL');
    }
    const own = await history(as.admin, id);
    expect(own.status).toBe(200);
    expect(own.json<{ versions: { title: string }[] }>().versions.map((v) => v.title)).toEqual(['CONFIDENTIAL: strike ballot', 'Meeting on Friday']);
  });

  it('a member in the audience of a scheduled notice cannot read it before it is out', async () => {
    const id = await publish(as.admin, { title: '明日の発表', audience: audience({ all: true }), publishAt: server.clock.now() + 24 * 3600 * 1000 });
    const res = await history(as.memA, id);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('明日の発表');
    expect((await history(as.admin, id)).status).toBe(200);
  });

  it('an officer whose scope covers the audience, not its author, still gets the history', async () => {
    const id = await publish(as.admin, { title: 'A支部のお知らせ', audience: audience({ units: ['bA'] }) });
    const res = await history(as.offA, id);
    expect(res.status).toBe(200);
    expect(res.json<{ versions: { title: string; audience: Audience }[] }>().versions).toMatchObject([{ title: 'A支部のお知らせ', audience: { units: ['bA'] } }]);
    // Branch B's officer is outside that audience: nothing.
    expect((await history(as.offB, id)).status).toBe(404);
  });
});
