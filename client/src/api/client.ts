import { isErrorCode } from '@kumiai/shared';
import type { AnyErrorCode } from '../i18n/types.ts';

/**
 * A failed API call. `code` is one of the shared error codes (looked up in the
 * i18n `errors` section for the member) or `network_failed` when the server
 * could not be reached at all; `status` is 0 in that case.
 */
export class ApiError extends Error {
  constructor(
    readonly code: AnyErrorCode,
    readonly status: number,
  ) {
    super(`API error ${code} (${status})`);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  signal?: AbortSignal;
}

function errorCodeOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * POSTs JSON to our own server with the session cookie. The type parameter is
 * what the caller expects back: the server's response schemas are its guarantee.
 */
export async function apiPost<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) throw new ApiError('network_failed', 0);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network_failed', 0);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = errorCodeOf(data);
    throw new ApiError(isErrorCode(code) ? code : response.status >= 500 ? 'internal' : 'bad_request', response.status);
  }
  return data as T;
}
