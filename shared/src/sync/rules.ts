import { can, type Actor } from '../permissions.ts';
import { MEMBER_SELF_EDITABLE, type MemberDoc } from './collections.ts';
import type { WriteProblem } from './protocol.ts';

/**
 * Read scope and write rules of the synced collections. The server filters
 * every pull and stream with the read rules and checks every pushed row with
 * the write rules; the client uses them only to hide what cannot be done.
 */

export const readRules = {
  /** A unit is readable by its own members' line (root → own unit) and by roles covering it. */
  units: (actor: Actor, unitPath: readonly string[]) => can(actor, 'unit.read', { unitPath }),
  /** A member record: oneself, and officers, viewers and others whose roles cover its unit. */
  members: (actor: Actor, unitPath: readonly string[], memberId: string) => can(actor, 'member.read', { unitPath, memberId }),
  /** A dues record (issue 18): the member's own, and treasurers' (dues.read) whose roles cover the member's unit. */
  dues: (actor: Actor, unitPath: readonly string[], memberId: string) => can(actor, 'dues.read', { unitPath, memberId }),
} as const;

/** A member may change only their own phone, e-mail and language from a device; everything else is the office's. */
export function memberWriteProblem(actor: Actor, master: MemberDoc | null, next: MemberDoc, deleted: boolean): WriteProblem | null {
  if (!master) return { code: 'forbidden' };
  if (master.id !== actor.memberId || !can(actor, 'member.update_contact', { unitPath: actor.unitPath, memberId: master.id })) {
    return { code: 'forbidden' };
  }
  if (deleted) return { code: 'forbidden' };
  const editable = new Set<string>(MEMBER_SELF_EDITABLE);
  const keys = new Set([...Object.keys(master), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'updatedAt' || editable.has(key)) continue;
    const a = (master as Record<string, unknown>)[key] ?? null;
    const b = (next as Record<string, unknown>)[key] ?? null;
    if (a !== b) return { code: 'forbidden_field', field: key };
  }
  return null;
}
