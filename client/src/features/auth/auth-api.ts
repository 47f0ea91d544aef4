import { apiPost } from '../../api/client.ts';

export type Peek = { valid: true; name: string; employeeNumber: string } | { valid: false };

export function peekActivationCode(code: string, signal?: AbortSignal): Promise<Peek> {
  return apiPost<Peek>('/api/auth/activation/peek', { code }, { signal });
}

export function activate(code: string, password: string, pin: string | null): Promise<{ ok: true }> {
  return apiPost<{ ok: true }>('/api/auth/activate', pin ? { code, password, pin } : { code, password });
}
