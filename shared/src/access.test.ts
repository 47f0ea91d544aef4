import { describe, expect, it } from 'vitest';
import { officeAccess, type OfficeAccess } from './access.ts';
import type { Actor } from './permissions.ts';
import { canPublishTo, type Audience } from './sync/notices.ts';

// union ─ bA ─ wA
//       └ bB ─ wB
const PATHS: Record<string, string[]> = { u: ['u'], bA: ['u', 'bA'], wA: ['u', 'bA', 'wA'], bB: ['u', 'bB'], wB: ['u', 'bB', 'wB'] };
const actor = (memberId: string, unit: string, grants: Actor['grants'] = []): Actor => ({ memberId, unitPath: PATHS[unit]!, status: 'active', grants });
const covers = (who: Actor) => (audience: Audience) => canPublishTo(who, audience, (u) => PATHS[u] ?? [], () => null);

/** A record addressed to branch A, written by a plain member of workplace A (authors need not hold a role). */
const audience: Audience = { all: false, units: ['bA'], roles: [], members: [] };
const WHO = {
  author: actor('author', 'wA'),
  'officer in scope': actor('offA', 'bA', [{ role: 'officer', unitId: 'bA' }]),
  'officer out of scope': actor('offB', 'bB', [{ role: 'officer', unitId: 'bB' }]),
  'member in the audience': actor('memA', 'wA'),
  'member outside the audience': actor('memB', 'wB'),
};

/** The expected table, written out by hand: who may act on the record, before it is out (draft) and once it is (released). */
const EXPECTED: Record<keyof typeof WHO, { draft: OfficeAccess; released: OfficeAccess }> = {
  author: { draft: 'allowed', released: 'allowed' },
  'officer in scope': { draft: 'allowed', released: 'allowed' },
  // An officer of branch B is a member of no part of branch A's audience: nothing to learn.
  'officer out of scope': { draft: 'not_found', released: 'not_found' },
  // A reader of the released record knows it exists; a draft is not revealed to anyone.
  'member in the audience': { draft: 'not_found', released: 'forbidden' },
  'member outside the audience': { draft: 'not_found', released: 'not_found' },
};

describe('officeAccess: the author, or an officer whose scope covers the audience, else 403 to its readers and 404 to everyone else', () => {
  for (const [name, who] of Object.entries(WHO) as [keyof typeof WHO, Actor][]) {
    for (const released of [false, true]) {
      it(`${name}, ${released ? 'released' : 'draft'}`, () => {
        expect(officeAccess(who, { authorId: 'author', audience, released }, covers(who))).toBe(EXPECTED[name][released ? 'released' : 'draft']);
      });
    }
  }

  it('an officer in the audience but outside the scope of its whole audience reads it, and may not act on it', () => {
    const wide: Audience = { all: false, units: ['bA', 'bB'], roles: [], members: [] };
    const who = WHO['officer in scope'];
    expect(officeAccess(who, { authorId: 'author', audience: wide, released: true }, covers(who))).toBe('forbidden');
    expect(officeAccess(who, { authorId: 'author', audience: wide, released: false }, covers(who))).toBe('not_found');
  });

  it('a record without an author (a seeded form template) is its covering officers’ alone', () => {
    const who = actor('author', 'wA');
    expect(officeAccess(who, { authorId: null, audience, released: true }, covers(who))).toBe('forbidden');
  });
});
