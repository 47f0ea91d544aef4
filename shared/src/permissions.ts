/**
 * Who may do what: the one place these rules live. The server decides with
 * them (every route, every sync pull, stream and push); the client uses them
 * only to hide what a member cannot do.
 *
 * A role is granted on a unit and covers that unit's subtree. A resource is
 * located by its unit path (root → … → its unit), so "in scope" is a pure
 * membership test and needs no database.
 */

export const roles = ['admin', 'officer', 'treasurer', 'viewer', 'election_commissioner', 'member'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'unit.read',
  'unit.manage',
  'member.read',
  'member.manage',
  'member.import',
  'member.issue_code',
  'member.end_sessions',
  'member.update_contact',
  'role.grant',
  'kiosk.register',
  'audit.read',
  'notice.publish',
  'notice.read_rates',
  /** Create and edit surveys and application templates for an audience in scope. */
  'form.manage',
  /** See response rates and results of surveys, and export them. */
  'form.results',
  /** See applications of members in scope (the approval inbox and details); acting needs the current step too. */
  'application.review',
  /** Record that an approved application was paid. */
  'application.pay',
  /** Run an election whose unit is in scope (issue 17): the election commission only, never admins as such. */
  'election.manage',
  /** See the dues records, totals and arrears of members in scope, and export them (issue 18). */
  'dues.read',
  /** Set dues rules and policy, exemptions and base pay; import check-off files; record direct payments (issue 18). */
  'dues.manage',
  /** Run a meeting whose organising unit is in scope (issue 19): create, edit, cancel, check in, record decisions, draft and approve minutes. */
  'meeting.manage',
  /** Run the link with the federation or with member unions (issue 20): tokens, links, what crosses; admins only. */
  'federation.manage',
  // issue 21: consultations (相談窓口). No action opens a case's content: only being assigned to it does.
  /** Lead a consultation desk: granted on exactly the desk's unit (see `leadsDesk`), see its cases' metadata and assign officers. */
  'consultation.desk',
  /** Be assigned to consultations of desks in scope. */
  'consultation.handle',
  /** See counts of consultations per category × unit × month in scope (small groups hidden), never content. */
  'consultation.stats',
  /** Set how long closed consultations' content is kept. */
  'consultation.settings',
] as const;
export type Action = (typeof actions)[number];

export interface Grant {
  role: Role;
  unitId: string;
}

export interface Actor {
  memberId: string;
  /** Root → … → the member's own unit. */
  unitPath: readonly string[];
  status: 'active' | 'on_leave' | 'left';
  grants: readonly Grant[];
}

export interface Resource {
  /** Root → … → the unit the resource belongs to (for a unit: the unit itself). */
  unitPath: readonly string[];
  /** Set when the resource is a member's own record. */
  memberId?: string;
}

/** What each role may do inside the subtree of the unit it is granted on. */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  // Admins run the union, not its elections: the commission is independent of them (issue 17).
  // Nor do they take consultations: an admin sees that cases exist (counts), never what they say (issue 21).
  admin: new Set(actions.filter((a) => a !== 'election.manage' && a !== 'consultation.desk' && a !== 'consultation.handle')),
  officer: new Set<Action>([
    'unit.read',
    'unit.manage',
    'member.read',
    'member.manage',
    'member.import',
    'member.issue_code',
    'member.end_sessions',
    'kiosk.register',
    'notice.publish',
    'notice.read_rates',
    'form.manage',
    'form.results',
    'application.review',
    'meeting.manage',
    'consultation.desk',
    'consultation.handle',
    'consultation.stats',
  ]),
  treasurer: new Set<Action>(['unit.read', 'member.read', 'application.review', 'application.pay', 'dues.read', 'dues.manage']),
  viewer: new Set<Action>(['unit.read', 'member.read', 'form.results', 'application.review']),
  election_commissioner: new Set<Action>(['unit.read', 'member.read', 'election.manage']),
  member: new Set<Action>(),
};

/** What anyone may do to their own member record. */
const SELF_ACTIONS: ReadonlySet<Action> = new Set<Action>(['member.read', 'member.update_contact', 'dues.read']);

/**
 * Officers manage the units *below* the one they are granted on, never that
 * unit itself: a branch officer cannot rename, move or archive their branch.
 */
const STRICTLY_BELOW: ReadonlySet<Action> = new Set<Action>(['unit.manage']);

export function inSubtree(unitId: string, unitPath: readonly string[]): boolean {
  return unitPath.includes(unitId);
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.status === 'left') return false;
  if (resource.memberId !== undefined && resource.memberId === actor.memberId && SELF_ACTIONS.has(action)) return true;
  // Everyone sees the units above and including their own (the union's tree down to them).
  if (action === 'unit.read' && resource.unitPath.every((id, i) => actor.unitPath[i] === id)) return true;
  return actor.grants.some((grant) => {
    if (!ROLE_ACTIONS[grant.role].has(action)) return false;
    const at = resource.unitPath.indexOf(grant.unitId);
    if (at < 0) return false;
    if (grant.role !== 'admin' && STRICTLY_BELOW.has(action)) return at < resource.unitPath.length - 1;
    return true;
  });
}

/** Whether the actor leads the consultation desk on this unit: consultation.desk granted on exactly that unit (a union officer does not lead every workplace's desk). */
export function leadsDesk(actor: Actor, deskUnitId: string): boolean {
  if (actor.status === 'left') return false;
  return actor.grants.some((grant) => grant.unitId === deskUnitId && ROLE_ACTIONS[grant.role].has('consultation.desk'));
}

/** Roles a grant holder may hand out: admins any, officers only roles below their own. */
export function canGrantRole(actor: Actor, role: Role, unitPath: readonly string[]): boolean {
  if (actor.status === 'left') return false;
  return actor.grants.some((grant) => {
    if (!inSubtree(grant.unitId, unitPath)) return false;
    if (grant.role === 'admin') return true;
    return grant.role === 'officer' && (role === 'viewer' || role === 'member');
  });
}

/** A member as the target of a management action: where their record sits and every role they hold. */
export interface MemberTarget {
  /** Root → … → the member's own unit. */
  unitPath: readonly string[];
  memberId?: string;
  /** Each role the member holds, located by the unit path of the unit it is granted on. */
  grants: readonly { role: Role; unitPath: readonly string[] }[];
}

/** The actions that change a member's record, status, sign-in credentials or sessions. */
export type MemberManagementAction = Extract<Action, 'member.manage' | 'member.import' | 'member.issue_code' | 'member.end_sessions'>;

/**
 * Whether an actor may change, re-import, issue a sign-in code for or end the
 * sessions of a member: the action must be allowed on the member's unit AND the
 * actor must be able to grant every role the member holds, where it is held.
 * Without the second half a branch officer could issue a code for an admin whose
 * record sits in their branch, activate it, and become that admin.
 */
export function canManageMember(actor: Actor, action: MemberManagementAction, target: MemberTarget): boolean {
  if (!can(actor, action, { unitPath: target.unitPath, ...(target.memberId === undefined ? {} : { memberId: target.memberId }) })) return false;
  return target.grants.every((grant) => canGrantRole(actor, grant.role, grant.unitPath));
}

/** The units whose subtrees an actor may act on for `action` (for filtering lists and sync scopes). */
export function scopeRoots(actor: Actor, action: Action): string[] {
  if (actor.status === 'left') return [];
  return actor.grants.filter((grant) => ROLE_ACTIONS[grant.role].has(action)).map((grant) => grant.unitId);
}
