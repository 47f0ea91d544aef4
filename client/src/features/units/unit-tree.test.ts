import type { UnitView } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { UnitTree } from './unit-tree.ts';

const unit = (id: string, parentId: string | null, name: string, archivedAt: number | null = null): UnitView => ({ id, parentId, name, kind: parentId ? 'workplace' : 'union', code: null, archivedAt });

describe('UnitTree', () => {
  const tree = new UnitTree([unit('b', 'r', '大阪'), unit('r', null, '組合'), unit('a', 'r', '東京'), unit('a1', 'a', '本社'), unit('x', 'a', '旧', 5)]);

  it('builds paths from the root down', () => {
    expect(tree.pathIds('a1')).toEqual(['r', 'a', 'a1']);
    expect(tree.pathName('a1')).toBe('組合 › 東京 › 本社');
  });

  it('flattens depth-first and leaves archived units out unless asked', () => {
    expect(tree.flatten().map(({ unit, depth }) => `${depth}:${unit.id}`)).toEqual(['0:r', '1:b', '1:a', '2:a1']);
    expect(tree.flatten(true).map(({ unit }) => unit.id)).toContain('x');
  });

  it('treats a unit whose parent is out of sight as a root', () => {
    expect(new UnitTree([unit('a1', 'a', '本社')]).roots().map((u) => u.id)).toEqual(['a1']);
  });
});
