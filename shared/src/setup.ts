import type { FromSchema } from 'json-schema-to-ts';
import { employeeNumberSchema, passwordSchema } from './identity.ts';

/** First-run setup: names the union (the root unit) and creates the first admin. */
export const setupRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'unionName', 'employeeNumber', 'name', 'password'],
  properties: {
    token: { type: 'string', minLength: 16, maxLength: 128 },
    unionName: { type: 'string', minLength: 1, maxLength: 100 },
    employeeNumber: employeeNumberSchema,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    password: passwordSchema,
  },
} as const;

export type SetupRequest = FromSchema<typeof setupRequestSchema>;

export const setupStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['state'],
  properties: {
    state: { type: 'string', enum: ['ready', 'used', 'expired', 'invalid', 'done'] },
  },
} as const;

export type SetupStatus = FromSchema<typeof setupStatusSchema>;
