import fs from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors.ts';
import { PeerSession } from '../../src/features/federation/federation-peer-client.ts';
import { tempDir } from '../helpers.ts';
import { startSyncServer, type SyncServer } from '../sync/support.ts';
import { api, invite, seedFederation, seedUnion, UNION_NAME } from './support.ts';

const servers: SyncServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A federation behind HTTPS with a certificate nobody installed (self-signed, as a careless setup would have). */
async function federationWithUntrustedCertificate(): Promise<SyncServer> {
  const dir = tempDir('kumiai-fed-tls-');
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  fs.writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
  fs.writeFileSync(path.join(dir, 'key.pem'), pems.private);
  const federation = await startSyncServer({ KUMIAI_TLS_CERT: path.join(dir, 'cert.pem'), KUMIAI_TLS_KEY: path.join(dir, 'key.pem') });
  servers.push(federation);
  await seedFederation(federation.db);
  return federation;
}

describe('federation: both sides behind HTTPS (issue 20)', () => {
  it('a union refuses a federation whose certificate it cannot verify, for the link and for the sync socket, and stores nothing', async () => {
    const federation = await federationWithUntrustedCertificate();
    const union = await startSyncServer();
    servers.push(union);
    await seedUnion(union.db, 'K7Q');
    const url = `https://127.0.0.1:${federation.port}`;
    const { token } = await invite(federation, UNION_NAME);

    const preview = await api(union, 'K7Q-0001', 'POST', '/api/federation/link/preview', { url, token });
    expect(preview.json()).toMatchObject({ error: { code: 'federation_unreachable' } });
    expect(union.db.prepare('SELECT count(*) FROM link_federation').pluck().get()).toBe(0);

    // The sync socket is wss: for an https: federation, with the same verification (no silent plain ws:).
    const refused = await PeerSession.open(url, 'kfs_whatever').then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('federation_unreachable');
    expect((refused as AppError).message).toMatch(/certificate/i);
    // Nothing reached the federation's sync engine: no connection was taken or refused there.
    expect(federation.db.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'federation.exchange%'").pluck().get()).toBe(0);
  });
});
