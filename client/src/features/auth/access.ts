import { can, scopeRoots, type Action, type Actor, type Me } from '@kumiai/shared';
import { useSession } from './session.ts';

/** The permission rules' view of the signed-in member. */
export function actorOf(me: Me): Actor {
  return {
    memberId: me.member.id,
    unitPath: me.unitPath.map((u) => u.id),
    status: me.member.status,
    grants: me.grants.map((g) => ({ role: g.role, unitId: g.unitId })),
  };
}

/** The officer and admin areas of the app, each shown only to those who may use it. */
export const areas = ['members', 'roster', 'cards', 'units', 'audit', 'kiosk', 'notices', 'forms', 'approvals', 'dues', 'duesManage', 'consultationDesk', 'consultationCases', 'consultationStats', 'consultationSettings'] as const;
export type Area = (typeof areas)[number];

const areaAction: Record<Exclude<Area, 'audit'>, Action> = {
  members: 'member.read',
  roster: 'member.import',
  cards: 'member.issue_code',
  units: 'unit.manage',
  kiosk: 'kiosk.register',
  notices: 'notice.publish',
  forms: 'form.manage',
  approvals: 'application.review',
  // Treasurers' screens (a member reads only their own dues, on マイページ, never through this area).
  dues: 'dues.read',
  duesManage: 'dues.manage',
  // Consultations (issue 21): leading a desk, taking cases, the counts. None opens a case's content: being assigned does.
  consultationDesk: 'consultation.desk',
  consultationCases: 'consultation.handle',
  consultationStats: 'consultation.stats',
  consultationSettings: 'consultation.settings',
};

export function mayUse(me: Me | null, area: Area): boolean {
  if (!me) return false;
  const actor = actorOf(me);
  // The audit log is the whole union's: only an admin on the root reads it (as the server decides).
  if (area === 'audit') return can(actor, 'audit.read', { unitPath: actor.unitPath.slice(0, 1) });
  return scopeRoots(actor, areaAction[area]).length > 0;
}

export function useActor(): Actor | null {
  const { me } = useSession();
  return me ? actorOf(me) : null;
}
