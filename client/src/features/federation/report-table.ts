import type { Figures } from '@kumiai/shared';

export interface MembershipRow {
  memberClass: string;
  unitKind: string;
  count: number;
}

/** The membership counts in a stable order (unit kind, then member class), and their total. */
export function membershipTable(figures: Figures): { rows: MembershipRow[]; total: number } {
  const rows = [...figures.membership].sort((a, b) => a.unitKind.localeCompare(b.unitKind) || a.memberClass.localeCompare(b.memberClass, 'ja'));
  return { rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

export interface ActionRow {
  itemId: string;
  /** The unified action's title when this device knows it, else null (its id is shown). */
  title: string | null;
  participants: number;
}

/** Unified actions' participation counts with their titles (from the inbox or the federation's items). */
export function actionTable(actions: Figures['actions'], titles: ReadonlyMap<string, string>): ActionRow[] {
  return actions.map((a) => ({ itemId: a.itemId, title: titles.get(a.itemId) ?? null, participants: a.participants }));
}

/** The members of the unions' latest reports added up (the figures a federation sees per union). */
export function membersOf(figures: Figures): number {
  return membershipTable(figures).total;
}
