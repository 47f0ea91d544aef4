import type { FromSchema } from 'json-schema-to-ts';
import { employeeNumberSchema, passwordSchema } from './identity.ts';
import type { Role } from './permissions.ts';

/** A kiosk PIN: 4 to 8 digits, at activation, at a kiosk and when a member changes it. */
export const pinSchema = { type: 'string', pattern: '^[0-9]{4,8}$' } as const;

export const signInRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['employeeNumber', 'password'],
  properties: { employeeNumber: employeeNumberSchema, password: passwordSchema },
} as const;
export type SignInRequest = FromSchema<typeof signInRequestSchema>;

export const kioskSignInRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['employeeNumber', 'pin'],
  properties: { employeeNumber: employeeNumberSchema, pin: pinSchema },
} as const;
export type KioskSignInRequest = FromSchema<typeof kioskSignInRequestSchema>;

export const signOutRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { everywhere: { type: 'boolean' } },
} as const;
export type SignOutRequest = FromSchema<typeof signOutRequestSchema>;

/** Activation codes are typed from a printed card: 16 characters of Crockford base32 (80 bits). */
export const ACTIVATION_CODE_PATTERN = '^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$';

export const activateRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'password'],
  properties: {
    code: { type: 'string', maxLength: 32 },
    password: passwordSchema,
    pin: pinSchema,
  },
} as const;
export type ActivateRequest = FromSchema<typeof activateRequestSchema>;

/**
 * A signed-in member changes their password: the current one is required (and
 * throttled as sign-in is); other sessions end unless `endOtherSessions` is false.
 */
export const changePasswordRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: passwordSchema, newPassword: passwordSchema, endOtherSessions: { type: 'boolean' } },
} as const;
export type ChangePasswordRequest = FromSchema<typeof changePasswordRequestSchema>;

/** A signed-in member sets or changes their kiosk PIN, with their current password. */
export const changePinRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'pin'],
  properties: { currentPassword: passwordSchema, pin: pinSchema },
} as const;
export type ChangePinRequest = FromSchema<typeof changePinRequestSchema>;

/** Normalises what a member typed from a card: case, full-width characters, spaces and look-alikes. */
export function normalizeActivationCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export interface Me {
  member: {
    id: string;
    employeeNumber: string;
    name: string;
    nameKana: string;
    unitId: string;
    status: 'active' | 'on_leave' | 'left';
    email: string | null;
    phone: string | null;
    preferredLanguage: 'ja' | 'en' | null;
  };
  unionName: string;
  unitPath: { id: string; name: string }[];
  grants: { role: Role; unitId: string; unitName: string }[];
  session: { kind: 'personal' | 'kiosk' | 'bearer'; kioskId: string | null };
}
