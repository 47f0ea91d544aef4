import { isErrorCode } from '@kumiai/shared';
import type { AnyErrorCode } from '../i18n/types.ts';

/**
 * A failed API call. `code` is one of the shared error codes (looked up in the
 * i18n `errors` section for the member) or `network_failed` when the server
 * could not be reached at all; `status` is 0 in that case. `body` keeps the
 * parsed answer for the few errors that carry more (an import report).
 */
export class ApiError extends Error {
  constructor(
    readonly code: AnyErrorCode,
    readonly status: number,
    readonly body: unknown = null,
    /** The server's Retry-After (seconds), sent with `rate_limited`. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`API error ${code} (${status})`);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  signal?: AbortSignal;
  /** The type a `Blob` body is sent as (default text/csv, the roster import). */
  contentType?: string;
}

function errorCodeOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** The error code of anything a call threw, for showing `m.errors[code]`. */
export function errorCode(error: unknown): AnyErrorCode {
  return error instanceof ApiError ? error.code : 'internal';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One request to our own server with the session cookie. The type parameter is
 * what the caller expects back: the server's response schemas are its guarantee.
 * A `Blob` body (a picked file) is sent as its raw bytes, never decoded here.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) throw new ApiError('network_failed', 0);
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['content-type'] = options.contentType ?? 'text/csv';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network_failed', 0);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = errorCodeOf(data);
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(isErrorCode(code) ? code : response.status >= 500 ? 'internal' : 'bad_request', response.status, data, Number.isFinite(retryAfter) ? retryAfter : null);
  }
  return data as T;
}

export function apiPost<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('POST', path, body, options);
}

export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('GET', path, undefined, options);
}

export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, body);
}

export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PATCH', path, body);
}

export function apiDelete<T>(path: string): Promise<T> {
  return apiRequest<T>('DELETE', path);
}

/** A query string from the set values only. */
export function query(params: Readonly<Record<string, string | null | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
