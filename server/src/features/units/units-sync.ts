import { readRules, unitDocSchema } from '@kumiai/shared';
import type { CollectionRegistration } from '../../sync/registry.ts';

/** The `units` collection: the tree from the root down to one's own unit, and the subtrees one's roles cover. Read-only on devices. */
export const unitsCollection: CollectionRegistration = {
  name: 'units',
  schema: unitDocSchema,
  source: {
    table: 'units',
    projection: `json_object('id', t.id, 'parentId', t.parent_id, 'name', t.name, 'kind', t.kind, 'code', t.code,
      'archived', json(CASE WHEN t.archived_at IS NULL THEN 'false' ELSE 'true' END))`,
  },
  // Each unit is its own scope; a change of parent re-evaluates every reader (isUnitTree).
  capture: { columns: ['parent_id', 'name', 'kind', 'code', 'archived_at'], unit: 'id' },
  readableUnits: (actor, tree) => [...tree.entries()].filter(([, path]) => readRules.units(actor, path)).map(([id]) => id),
  isUnitTree: true,
  readsOwn: () => false,
};
