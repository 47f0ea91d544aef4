import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs (pino). Credentials never reach them: cookies and
 * authorization headers are redacted, request bodies are not logged, and
 * tokens travel in URL fragments or bodies, never in query strings.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}
