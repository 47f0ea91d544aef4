import type { FromSchema } from 'json-schema-to-ts';

/** The accounts dues go to: the general fund, and the strike fund (闘争資金) when the union keeps one. */
export const duesAccounts = ['general', 'strike'] as const;
export type DuesAccount = (typeof duesAccounts)[number];

/** Where a month's money came from: the employer's check-off, a bank transfer (振込), cash (現金), several, or nothing yet. */
export const duesSources = ['checkoff', 'transfer', 'cash', 'mixed', 'none'] as const;
export type DuesSource = (typeof duesSources)[number];

/**
 * `dues` (collection #9): one member's dues for one month and one account.
 * Read-only on devices. A member receives their own records; a treasurer
 * (dues.read) the records of the members in their units' subtrees. The id is
 * `memberId:month:account`. `expected` is what the rules asked for when the
 * month was recorded (frozen: a later rule change never rewrites it).
 * Listed in `syncedCollections`; the client's dues feature registers it.
 */
export const duesDocSchema = {
  title: 'dues',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'memberId', 'unitId', 'month', 'account', 'expected', 'deducted', 'paid', 'source', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 100 },
    memberId: { type: 'string', maxLength: 64 },
    /** The member's unit when the month was recorded. */
    unitId: { type: 'string', maxLength: 64 },
    /** 'YYYY-MM'. */
    month: { type: 'string', maxLength: 7, pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    account: { type: 'string', enum: duesAccounts },
    /** Integer yen the rules asked for. */
    expected: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    /** Integer yen the employer deducted from pay (check-off). */
    deducted: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    /** Integer yen paid directly (振込, 現金). */
    paid: { type: 'integer', minimum: 0, maximum: 9007199254740991 },
    source: { type: 'string', enum: duesSources },
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['month'],
} as const;
export type DuesDoc = FromSchema<typeof duesDocSchema>;
