import type { Actor, Audience } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { mayManageForm } from './may-manage.ts';

const actor: Actor = { memberId: 'm1', unitPath: ['union', 'b1', 'w1'], status: 'active', grants: [{ role: 'officer', unitId: 'b1' }] };
const branch = { unitIds: new Set(['b1', 'w1', 'w2']), wholeUnion: false };
const aud = (a: Partial<Audience>): Audience => ({ all: false, units: [], roles: [], members: [], ...a });

describe('mayManageForm', () => {
  it('offers a form to its author whatever its audience', () => {
    expect(mayManageForm({ authorId: 'm1', audience: aud({ all: true }) }, actor, branch)).toBe(true);
  });

  it('offers others’ forms only when their whole audience is in scope', () => {
    expect(mayManageForm({ authorId: 'x', audience: aud({ units: ['w1', 'w2'] }) }, actor, branch)).toBe(true);
    expect(mayManageForm({ authorId: 'x', audience: aud({ units: ['w1', 'b2'] }) }, actor, branch)).toBe(false);
    expect(mayManageForm({ authorId: null, audience: aud({ all: true }) }, actor, branch)).toBe(false);
    expect(mayManageForm({ authorId: null, audience: aud({ all: true }) }, actor, { ...branch, wholeUnion: true })).toBe(true);
    expect(mayManageForm({ authorId: 'x', audience: aud({ members: ['m9'] }) }, actor, branch)).toBe(false);
  });
});
