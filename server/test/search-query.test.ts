import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSignIn, request, startHttpServer, type HttpServer } from './http-client.ts';
import { PASSWORD, seedOrg } from './seed.ts';

/** Issue 11, finding 10: control characters in the search text get a coded 400, never a 500. Through the real HTTP server. */
let server: HttpServer;
let member: Record<string, string>;

beforeEach(async () => {
  server = await startHttpServer();
  await seedOrg(server);
  member = await httpSignIn(server, '000100', PASSWORD);
});
afterEach(async () => {
  await server.close();
});

const search = (q: string) => request(server, `/api/search?q=${encodeURIComponent(q)}`, { headers: member });

describe('search text', () => {
  it('refuses a NUL byte and other control characters with search_query_invalid', async () => {
    for (const q of ['組合員\u0000', '\u0000abc', 'strike\u0000ballot', '賃金\u001b[2J', 'a\nb']) {
      const res = await search(q);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'search_query_invalid' } });
    }
    expect(server.logs()).not.toMatch(/SqliteError/);
  });

  it('still searches ordinary text, quotes and FTS syntax included', async () => {
    for (const q of ['組合員', '"strike" OR ballot*', '賃金 NEAR(a b)']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(res.json()).toEqual({ hits: [], nextOffset: null });
    }
  });
});
