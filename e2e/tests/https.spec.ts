import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import selfsigned from 'selfsigned';
import { startServer, type RunningServer } from '../support/server.ts';

/** A self-signed certificate for localhost, as an IT lead would make for a LAN trial. */
async function makeCertificate(dir: string) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  fs.writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
  fs.writeFileSync(path.join(dir, 'key.pem'), pems.private);
  // Chromium trusts exactly this certificate by its public-key hash, as if a phone had installed it.
  const spki = new crypto.X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem'), spkiHash: crypto.createHash('sha256').update(spki).digest('base64') };
}

const test = base.extend<{ tlsServer: RunningServer; spkiHash: string }, { certDir: string }>({
  certDir: [async ({}, use) => use(fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-tls-'))), { scope: 'worker' }], // eslint-disable-line no-empty-pattern
  spkiHash: async ({ certDir }, use) => use((await makeCertificate(certDir)).spkiHash),
  tlsServer: async ({ certDir, spkiHash }, use) => {
    void spkiHash; // the certificate exists once the hash does
    const server = await startServer(
      { KUMIAI_TLS_CERT: path.join(certDir, 'cert.pem'), KUMIAI_TLS_KEY: path.join(certDir, 'key.pem'), KUMIAI_HOST: 'localhost' },
      { https: true },
    );
    await use(server);
    await server.stop();
  },
});

test('over HTTPS with a self-signed certificate the service worker registers and the security headers are present', async ({ tlsServer, spkiHash, browser }) => {
  void browser;
  const { chromium } = await import('@playwright/test');
  // A browser that trusts our certificate, so the page is a real secure context.
  const trusting = await chromium.launch({
    executablePath: process.env.KUMIAI_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--ignore-certificate-errors-spki-list=${spkiHash}`],
  });
  try {
    const page = await trusting.newPage({ viewport: { width: 390, height: 844 } });
    expect(tlsServer.url.startsWith('https://')).toBe(true);
    const response = await page.goto(`${tlsServer.url}/`);
    const headers = response!.headers();
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${tlsServer.url}/`);
  } finally {
    await trusting.close();
  }
});
