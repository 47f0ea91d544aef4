import type { FromSchema } from 'json-schema-to-ts';
import type { Role } from './permissions.ts';

export const unitKinds = ['union', 'branch', 'workplace', 'group'] as const;
export type UnitKind = (typeof unitKinds)[number];

export interface UnitView {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  code: string | null;
  archivedAt: number | null;
}

export const createUnitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['parentId', 'name', 'kind'],
  properties: {
    parentId: { type: 'string', maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', enum: ['branch', 'workplace', 'group'] },
    code: { type: 'string', minLength: 1, maxLength: 32 },
  },
} as const;
export type CreateUnitRequest = FromSchema<typeof createUnitSchema>;

export const updateUnitSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    parentId: { type: 'string', maxLength: 64 },
    code: { type: ['string', 'null'], maxLength: 32 },
  },
} as const;
export type UpdateUnitRequest = FromSchema<typeof updateUnitSchema>;

export const memberStatuses = ['active', 'on_leave', 'left'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export interface MemberView {
  id: string;
  employeeNumber: string;
  name: string;
  nameKana: string;
  unitId: string;
  memberClass: string;
  status: MemberStatus;
  email: string | null;
  phone: string | null;
  joinedOn: string | null;
  activated: boolean;
  hasActivationCode: boolean;
  /** The roles the member holds (in lists), so a client can hide what `canManageMember` would refuse. */
  roles?: { role: Role; unitId: string }[];
}

export const updateMemberSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    nameKana: { type: 'string', maxLength: 100 },
    unitId: { type: 'string', maxLength: 64 },
    memberClass: { type: 'string', minLength: 1, maxLength: 40 },
    status: { type: 'string', enum: ['active', 'on_leave', 'left'] },
    email: { type: ['string', 'null'], maxLength: 254 },
    phone: { type: ['string', 'null'], maxLength: 40 },
  },
} as const;
export type UpdateMemberRequest = FromSchema<typeof updateMemberSchema>;

export const listMembersQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unitId: { type: 'string', maxLength: 64 },
    status: { type: 'string', enum: ['active', 'on_leave', 'left'] },
    q: { type: 'string', maxLength: 100 },
    after: { type: 'string', maxLength: 64 },
    // Query strings are text; the server parses and caps it (1–500, default 100).
    limit: { type: 'string', pattern: '^[0-9]{1,3}$' },
  },
} as const;
export type ListMembersQuery = FromSchema<typeof listMembersQuerySchema>;

export interface ActivationCard {
  memberId: string;
  employeeNumber: string;
  name: string;
  unitName: string;
  code: string;
  expiresAt: number;
  /** The activation page with the code in the URL fragment (never the query string). */
  url: string;
}

/** Root → … → unit for every unit of a parent list, each path computed once (a union has hundreds of units). */
export function unitPathsOf(units: readonly { id: string; parent_id: string | null }[]): Map<string, string[]> {
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const up = parent.get(id);
    const path = up ? [...pathOf(up), id] : [id];
    paths.set(id, path);
    return path;
  };
  for (const u of units) pathOf(u.id);
  return paths;
}
