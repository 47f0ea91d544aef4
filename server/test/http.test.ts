import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function fakeClientBuild(): string {
  const dir = tempDir('kumiai-client-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Kumiai</title><script type="module" src="/assets/index-abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{}');
  return dir;
}

describe('HTTP surface', () => {
  it('answers /healthz with JSON, security headers and no-store', async () => {
    server = await startTestServer();
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('gives unknown /api/ paths a JSON 404 with a code', async () => {
    server = await startTestServer({ KUMIAI_CLIENT_DIR: fakeClientBuild() });
    const res = await server.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves hashed assets as immutable, entry points uncached, and app paths from index.html', async () => {
    server = await startTestServer({ KUMIAI_CLIENT_DIR: fakeClientBuild() });
    const asset = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toContain('no-store');
    }

    const page = await server.app.inject({ method: 'GET', url: '/notices/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('<title>Kumiai</title>');
    expect(page.headers['content-security-policy']).toBeDefined();

    const missingAsset = await server.app.inject({ method: 'GET', url: '/assets/gone-999.js' });
    expect(missingAsset.statusCode).toBe(404);
  });

  it('refuses a cross-origin state change before it reaches the route', async () => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: 'https://evil.example' },
      payload: { token, unionName: 'X', employeeNumber: '1', name: 'A', password: 'a long enough pass' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_rejected' } });
    expect(server.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 0 });
  });

  it('rejects malformed JSON and oversized bodies with codes', async () => {
    server = await startTestServer();
    const bad = await server.app.inject({ method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/json' }, payload: '{"token":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ token: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
