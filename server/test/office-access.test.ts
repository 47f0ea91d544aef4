import { describe, expect, it } from 'vitest';
import { eachSeededServer, signIn } from './seed.ts';

/**
 * Issue 13, part 3: the one access rule (shared/src/access.ts) through the real
 * server, for editing a notice: its author and officers whose scope covers its
 * audience edit it; a member of its audience is told 403 once it is out and
 * 404 before (a scheduled notice is not revealed, as for a draft form);
 * everyone else 404. Before, a scheduled notice answered 403 to its audience.
 */
const server = eachSeededServer();

const body = (title: string, publishAt?: number) => ({ title, body: '本文', audience: { all: false, units: ['bA'], roles: [], members: [] }, ...(publishAt === undefined ? {} : { publishAt }) });

/** Branch A's officer writes to branch A; the union's admin covers it too. */
async function notice(scheduled: boolean): Promise<string> {
  const res = await server().app.inject({ method: 'POST', url: '/api/notices', headers: await signIn(server(), '000010'), payload: body('A支部へ', scheduled ? server().clock.now() + 24 * 3600_000 : undefined) });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

const WHO = { author: '000010', 'officer in scope': '000001', 'officer out of scope': '000020', 'member in the audience': '000100', 'member outside the audience': '000200' } as const;
const EXPECTED: Record<keyof typeof WHO, { scheduled: number; published: number }> = {
  author: { scheduled: 200, published: 200 },
  'officer in scope': { scheduled: 200, published: 200 },
  'officer out of scope': { scheduled: 404, published: 404 },
  'member in the audience': { scheduled: 404, published: 403 },
  'member outside the audience': { scheduled: 404, published: 404 },
};

describe('editing a notice: the one access rule, draft and published', () => {
  for (const [name, number] of Object.entries(WHO) as [keyof typeof WHO, string][]) {
    for (const state of ['scheduled', 'published'] as const) {
      it(`${name}, ${state}`, async () => {
        const id = await notice(state === 'scheduled');
        const res = await server().app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: await signIn(server(), number), payload: body('編集', state === 'scheduled' ? server().clock.now() + 24 * 3600_000 : undefined) });
        expect(res.statusCode).toBe(EXPECTED[name][state]);
        if (res.statusCode !== 200) expect(res.body).not.toContain('A支部へ');
      });
    }
  }
});
