/**
 * Identity rules both sides apply. Employee numbers arrive from Excel and from
 * Japanese input methods as full-width digits (１２３), so they are NFKC-normalised
 * and trimmed before they are stored or compared.
 */
export const employeeNumberSchema = { type: 'string', minLength: 1, maxLength: 32 } as const;

/** Length bounds only: NIST SP 800-63B asks for no composition rules. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const passwordSchema = { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH } as const;

export function normalizeEmployeeNumber(raw: string): string {
  return raw.normalize('NFKC').trim();
}

export type PasswordProblem = 'password_too_short' | 'password_too_common';

/** A short list of the passwords guessed first; the server holds the long list. */
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', '12345678', '123456789', '1234567890',
  'qwertyui', 'qwerty123', '11111111', '00000000', 'abcd1234', 'iloveyou',
  'passw0rd', 'p@ssw0rd', 'letmein1', 'welcome1', 'admin123', 'sunshine',
  'baseball', 'football', 'princess', 'trustno1', '87654321', '1q2w3e4r',
]);

export function checkPassword(password: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password_too_common';
  return null;
}
