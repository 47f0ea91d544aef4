import type { Actor, FormDoc } from '@kumiai/shared';

/**
 * Whether to offer an officer a form to edit and see results of: its author,
 * or one who may address its whole audience (the union's templates included
 * for those on the union). Only hides; the server decides.
 */
export function mayManageForm(form: Pick<FormDoc, 'authorId' | 'audience'>, actor: Actor, scope: { unitIds: ReadonlySet<string>; wholeUnion: boolean }): boolean {
  if (form.authorId === actor.memberId) return true;
  const a = form.audience;
  if ((a.all || a.roles.length > 0) && !scope.wholeUnion) return false;
  // Named members cannot be placed in units on the device: left to their author (and the server).
  if (a.members.length > 0) return false;
  if (!a.all && a.roles.length === 0 && a.units.length === 0) return false;
  return a.units.every((u) => scope.unitIds.has(u));
}
