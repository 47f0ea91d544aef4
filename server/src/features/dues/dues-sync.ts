import { duesDocSchema, readRules } from '@kumiai/shared';
import type { CollectionRegistration } from '../../sync/registry.ts';

/**
 * `dues` (collection #9): a member's own monthly records, and for treasurers
 * (dues.read) every member's records in their units' subtrees. Records, not
 * unit totals: a treasurer's screens need the member lines (arrears, who has
 * no deduction) and totals are sums of them; one collection stays in the
 * budget. Read-only on devices: money is recorded on the server only.
 */
export const duesCollection: CollectionRegistration = {
  name: 'dues',
  schema: duesDocSchema,
  source: {
    table: 'dues_records',
    projection: `json_object('id', t.id, 'memberId', t.member_id, 'unitId', t.unit_id, 'month', t.month, 'account', t.account, 'expected', t.expected,
      'deducted', t.deducted, 'paid', t.paid, 'source', t.source, 'updatedAt', t.updated_at)`,
  },
  capture: { member: 'member_id', unit: 'unit_id' },
  readableUnits: (actor, tree) => [...tree.entries()].filter(([, path]) => readRules.dues(actor, path, '')).map(([id]) => id),
  readsOwn: (actor) => actor.status !== 'left',
};
