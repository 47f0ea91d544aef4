import type { ErrorCode } from '@kumiai/shared';

/** An error meant for the client: a code it can translate, a status, and a developer detail. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    /** Sent as Retry-After with 429 and 503 answers. */
    readonly retryAfterSeconds?: number,
    /** Extra fields for the client in the error body, e.g. an import's full report. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Not found') => new AppError('not_found', 404, message);
export const forbidden = (message = 'Forbidden') => new AppError('forbidden', 403, message);
export const badRequest = (message: string) => new AppError('bad_request', 400, message);
