import type { Figures } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { actionTable, membersOf, membershipTable } from './report-table.ts';

const figures: Figures = {
  membership: [
    { memberClass: '組合員', unitKind: 'workplace', count: 12 },
    { memberClass: '嘱託', unitKind: 'branch', count: 3 },
    { memberClass: '組合員', unitKind: 'branch', count: 5 },
  ],
  surveys: [],
  actions: [
    { itemId: 'i1', participants: 40 },
    { itemId: 'gone', participants: 2 },
  ],
};

describe('the report table', () => {
  it('orders membership rows by unit kind then class, and totals them', () => {
    const { rows, total } = membershipTable(figures);
    expect(rows.map((r) => `${r.unitKind}/${r.memberClass}/${r.count}`)).toEqual(['branch/嘱託/3', 'branch/組合員/5', 'workplace/組合員/12']);
    expect(total).toBe(20);
    expect(membersOf(figures)).toBe(20);
    // The figures themselves are not reordered (they are what is sent).
    expect(figures.membership[0]?.count).toBe(12);
  });

  it('names each action by its title when known, and keeps its count', () => {
    expect(actionTable(figures.actions, new Map([['i1', '春闘統一行動']]))).toEqual([
      { itemId: 'i1', title: '春闘統一行動', participants: 40 },
      { itemId: 'gone', title: null, participants: 2 },
    ]);
  });

  it('totals an empty report as zero', () => {
    expect(membershipTable({ membership: [], surveys: [], actions: [] })).toEqual({ rows: [], total: 0 });
  });
});
