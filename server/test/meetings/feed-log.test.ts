import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/lib/logger.ts';
import { logCapture } from '../helpers.ts';

describe('calendar feed secrets in logs (issue 19)', () => {
  it('never writes the secret of a feed URL to the request log, with the production logger options', async () => {
    const capture = logCapture();
    const options = loggerOptions('info');
    const app = Fastify({ logger: { ...(options as object), stream: capture.stream } });
    app.get('/calendar/:file', async () => 'BEGIN:VCALENDAR');
    const secret = 'Zk3q9V0a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ';
    await app.inject({ method: 'GET', url: `/calendar/${secret}.ics` });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    expect(capture.text()).toContain('/calendar/[redacted]');
    expect(capture.text()).toContain('/api/health');
    expect(capture.text()).not.toContain(secret);
  });
});
