import { describe, expect, it } from 'vitest';
import { actions, can, canGrantRole, leadsDesk, roles, scopeRoots, type Action, type Actor, type Role } from './permissions.ts';

// union ─ branchA ─ workA
//       └ branchB ─ workB
const UNION = 'u';
const path = {
  union: [UNION],
  branchA: [UNION, 'bA'],
  workA: [UNION, 'bA', 'wA'],
  branchB: [UNION, 'bB'],
  workB: [UNION, 'bB', 'wB'],
};

/**
 * The expected table, written out by hand (not derived from the code under
 * test): for a role granted on branch A, may it do the action on a member or
 * unit inside branch A's subtree (workplace A)?
 */
const IN_SCOPE: Record<Role, Record<Action, boolean>> = {
  admin: { 'unit.read': true, 'unit.manage': true, 'member.read': true, 'member.manage': true, 'member.import': true, 'member.issue_code': true, 'member.end_sessions': true, 'member.update_contact': true, 'role.grant': true, 'kiosk.register': true, 'audit.read': true, 'notice.publish': true, 'notice.read_rates': true, 'form.manage': true, 'form.results': true, 'application.review': true, 'application.pay': true, 'dues.read': true, 'dues.manage': true, 'election.manage': false, 'meeting.manage': true, 'federation.manage': true, 'consultation.desk': false, 'consultation.handle': false, 'consultation.stats': true, 'consultation.settings': true },
  officer: { 'unit.read': true, 'unit.manage': true, 'member.read': true, 'member.manage': true, 'member.import': true, 'member.issue_code': true, 'member.end_sessions': true, 'member.update_contact': false, 'role.grant': false, 'kiosk.register': true, 'audit.read': false, 'notice.publish': true, 'notice.read_rates': true, 'form.manage': true, 'form.results': true, 'application.review': true, 'application.pay': false, 'dues.read': false, 'dues.manage': false, 'election.manage': false, 'meeting.manage': true, 'federation.manage': false, 'consultation.desk': true, 'consultation.handle': true, 'consultation.stats': true, 'consultation.settings': false },
  treasurer: { 'unit.read': true, 'unit.manage': false, 'member.read': true, 'member.manage': false, 'member.import': false, 'member.issue_code': false, 'member.end_sessions': false, 'member.update_contact': false, 'role.grant': false, 'kiosk.register': false, 'audit.read': false, 'notice.publish': false, 'notice.read_rates': false, 'form.manage': false, 'form.results': false, 'application.review': true, 'application.pay': true, 'dues.read': true, 'dues.manage': true, 'election.manage': false, 'meeting.manage': false, 'federation.manage': false, 'consultation.desk': false, 'consultation.handle': false, 'consultation.stats': false, 'consultation.settings': false },
  viewer: { 'unit.read': true, 'unit.manage': false, 'member.read': true, 'member.manage': false, 'member.import': false, 'member.issue_code': false, 'member.end_sessions': false, 'member.update_contact': false, 'role.grant': false, 'kiosk.register': false, 'audit.read': false, 'notice.publish': false, 'notice.read_rates': false, 'form.manage': false, 'form.results': true, 'application.review': true, 'application.pay': false, 'dues.read': false, 'dues.manage': false, 'election.manage': false, 'meeting.manage': false, 'federation.manage': false, 'consultation.desk': false, 'consultation.handle': false, 'consultation.stats': false, 'consultation.settings': false },
  election_commissioner: { 'unit.read': true, 'unit.manage': false, 'member.read': true, 'member.manage': false, 'member.import': false, 'member.issue_code': false, 'member.end_sessions': false, 'member.update_contact': false, 'role.grant': false, 'kiosk.register': false, 'audit.read': false, 'notice.publish': false, 'notice.read_rates': false, 'form.manage': false, 'form.results': false, 'application.review': false, 'application.pay': false, 'dues.read': false, 'dues.manage': false, 'election.manage': true, 'meeting.manage': false, 'federation.manage': false, 'consultation.desk': false, 'consultation.handle': false, 'consultation.stats': false, 'consultation.settings': false },
  member: { 'unit.read': false, 'unit.manage': false, 'member.read': false, 'member.manage': false, 'member.import': false, 'member.issue_code': false, 'member.end_sessions': false, 'member.update_contact': false, 'role.grant': false, 'kiosk.register': false, 'audit.read': false, 'notice.publish': false, 'notice.read_rates': false, 'form.manage': false, 'form.results': false, 'application.review': false, 'application.pay': false, 'dues.read': false, 'dues.manage': false, 'election.manage': false, 'meeting.manage': false, 'federation.manage': false, 'consultation.desk': false, 'consultation.handle': false, 'consultation.stats': false, 'consultation.settings': false },
};

const actorWith = (role: Role, unitId = 'bA', status: Actor['status'] = 'active'): Actor => ({
  memberId: 'actor',
  unitPath: path.workB, // lives elsewhere: only the grant gives scope
  status,
  grants: [{ role, unitId }],
});

describe('can(): every role × action × in scope / out of scope', () => {
  for (const role of roles) {
    for (const action of actions) {
      it(`${role} on branch A: ${action}`, () => {
        const actor = actorWith(role);
        expect(can(actor, action, { unitPath: path.workA, memberId: 'someone' })).toBe(IN_SCOPE[role][action]);
        // Branch B is outside the grant: nothing, except reading the units above one's own.
        const outside = can(actor, action, { unitPath: path.branchB, memberId: 'someone' });
        expect(outside).toBe(action === 'unit.read');
        // A member who has left can do nothing at all.
        expect(can(actorWith(role, 'bA', 'left'), action, { unitPath: path.workA, memberId: 'someone' })).toBe(false);
      });
    }
  }
});

describe('special cases', () => {
  it('lets every member read and update the contact details of their own record only', () => {
    const me: Actor = { memberId: 'me', unitPath: path.workA, status: 'active', grants: [] };
    expect(can(me, 'member.read', { unitPath: path.workA, memberId: 'me' })).toBe(true);
    expect(can(me, 'member.update_contact', { unitPath: path.workA, memberId: 'me' })).toBe(true);
    expect(can(me, 'member.manage', { unitPath: path.workA, memberId: 'me' })).toBe(false);
    expect(can(me, 'member.read', { unitPath: path.workA, memberId: 'colleague' })).toBe(false);
  });

  it('lets every member read their own dues, never a colleague\'s, and manage none (issue 18)', () => {
    const me: Actor = { memberId: 'me', unitPath: path.workA, status: 'active', grants: [] };
    expect(can(me, 'dues.read', { unitPath: path.workA, memberId: 'me' })).toBe(true);
    expect(can(me, 'dues.read', { unitPath: path.workA, memberId: 'colleague' })).toBe(false);
    expect(can(me, 'dues.manage', { unitPath: path.workA, memberId: 'me' })).toBe(false);
    expect(can({ ...me, status: 'left' }, 'dues.read', { unitPath: path.workA, memberId: 'me' })).toBe(false);
  });

  it('lets officers and admins run meetings only in their units\' subtrees, members never, not even their own record (issue 19)', () => {
    expect(can(actorWith('officer'), 'meeting.manage', { unitPath: path.branchA })).toBe(true);
    expect(can(actorWith('officer'), 'meeting.manage', { unitPath: path.union })).toBe(false);
    expect(can(actorWith('admin', UNION), 'meeting.manage', { unitPath: path.workB })).toBe(true);
    const me: Actor = { memberId: 'me', unitPath: path.workA, status: 'active', grants: [] };
    expect(can(me, 'meeting.manage', { unitPath: path.workA, memberId: 'me' })).toBe(false);
    expect(scopeRoots(actorWith('officer'), 'meeting.manage')).toEqual(['bA']);
  });

  it('leads a consultation desk only where consultation.desk is granted on that very unit; admins never take or assign cases (issue 21)', () => {
    expect(leadsDesk(actorWith('officer'), 'bA')).toBe(true);
    expect(leadsDesk(actorWith('officer'), 'wA')).toBe(false);
    expect(leadsDesk(actorWith('admin', UNION), UNION)).toBe(false);
    expect(leadsDesk({ ...actorWith('officer'), status: 'left' }, 'bA')).toBe(false);
    expect(can(actorWith('admin', UNION), 'consultation.stats', { unitPath: path.workA })).toBe(true);
    expect(can(actorWith('admin', UNION), 'consultation.handle', { unitPath: path.workA })).toBe(false);
  });

  it('lets a member read the units from the root down to their own, not siblings or below', () => {
    const me: Actor = { memberId: 'me', unitPath: path.branchA, status: 'active', grants: [] };
    expect(can(me, 'unit.read', { unitPath: path.union })).toBe(true);
    expect(can(me, 'unit.read', { unitPath: path.branchA })).toBe(true);
    expect(can(me, 'unit.read', { unitPath: path.workA })).toBe(false);
    expect(can(me, 'unit.read', { unitPath: path.branchB })).toBe(false);
  });

  it('keeps an officer from managing the unit they are granted on', () => {
    const officer = actorWith('officer');
    expect(can(officer, 'unit.manage', { unitPath: path.branchA })).toBe(false);
    expect(can(officer, 'unit.manage', { unitPath: path.workA })).toBe(true);
    expect(can(actorWith('admin', UNION), 'unit.manage', { unitPath: path.union })).toBe(true);
  });

  it('lets officers grant only viewer and member, admins anything, within scope', () => {
    for (const role of roles) {
      expect(canGrantRole(actorWith('officer'), role, path.workA)).toBe(role === 'viewer' || role === 'member');
      expect(canGrantRole(actorWith('admin'), role, path.workA)).toBe(true);
      expect(canGrantRole(actorWith('admin'), role, path.workB)).toBe(false);
      expect(canGrantRole(actorWith('viewer'), role, path.workA)).toBe(false);
    }
  });

  it('lists the scope roots for an action', () => {
    const actor: Actor = { memberId: 'x', unitPath: path.workA, status: 'active', grants: [{ role: 'viewer', unitId: 'bA' }, { role: 'officer', unitId: 'bB' }] };
    expect(scopeRoots(actor, 'member.read')).toEqual(['bA', 'bB']);
    expect(scopeRoots(actor, 'member.manage')).toEqual(['bB']);
    expect(scopeRoots({ ...actor, status: 'left' }, 'member.read')).toEqual([]);
  });
});
