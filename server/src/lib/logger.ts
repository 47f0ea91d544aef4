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

/**
 * A URL as logs may show it: the secret of a member's calendar feed (`/calendar/<secret>.ics`,
 * issue 19) is its path, since calendar apps send no cookie and drop fragments, so it is cut out.
 */
export function loggableUrl(url: string): string {
  return url.startsWith('/calendar/') ? '/calendar/[redacted]' : url;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Fastify's own request serializer, with the URL made loggable.
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: loggableUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
    },
  };
}
