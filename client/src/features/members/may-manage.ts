import { canManageMember, type Actor, type MemberManagementAction, type MemberView } from '@kumiai/shared';
import type { UnitTree } from '../units/index.ts';

/**
 * Whether to offer a management action on this member: the shared rule, with
 * unit paths from the synced tree. The server decides in the end; this only
 * hides buttons and choices it would refuse (e.g. an admin, for a branch officer).
 */
export function mayManage(actor: Actor, tree: UnitTree, action: MemberManagementAction, member: Pick<MemberView, 'id' | 'unitId' | 'roles'>): boolean {
  return canManageMember(actor, action, {
    memberId: member.id,
    unitPath: tree.pathIds(member.unitId),
    grants: (member.roles ?? []).map((g) => ({ role: g.role, unitPath: tree.pathIds(g.unitId) })),
  });
}
