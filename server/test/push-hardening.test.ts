import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { openDatabase } from '../src/db/database.ts';
import { publicOnlyLookup } from '../src/features/push/push-endpoints.ts';
import { tempDir } from './helpers.ts';
import { decryptPush, startPushEndpoint } from './push-endpoint.ts';
import { seedOrg, signIn } from './seed.ts';
import { startSyncServer, type SyncServer } from './sync/support.ts';

/** Issue 11 findings 9 (push endpoints) and 12 (the VAPID private key outside the database). */
let server: SyncServer | undefined;
let endpoint: Awaited<ReturnType<typeof startPushEndpoint>> | undefined;
afterEach(async () => {
  await server?.close();
  await endpoint?.close();
  server = undefined;
  endpoint = undefined;
});

const keys = { p256dh: `BA${'A'.repeat(85)}`, auth: 'A'.repeat(22) };

async function subscribe(employeeNumber: string, url: string, subscriberKeys = keys) {
  return server!.app.inject({ method: 'POST', url: '/api/push/subscriptions', headers: await signIn(server!, employeeNumber), payload: { endpoint: url, expirationTime: null, keys: subscriberKeys } });
}

/** The bytes SQLite keeps for this database: the file and its WAL. */
const databaseBytes = (dataDir: string) =>
  Buffer.concat(fs.readdirSync(dataDir).filter((f) => f.includes('.db') || f.includes('.sqlite')).map((f) => fs.readFileSync(path.join(dataDir, f))));

describe('push endpoints', () => {
  it('accepts only the browsers\u2019 push services by default, and refuses private addresses with a coded error', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    for (const refused of [
      'https://127.0.0.1:8443/internal/admin',
      'https://[::1]/x',
      'https://10.0.0.7/x',
      'https://169.254.169.254/latest/meta-data',
      'https://localhost/x',
      'https://push.example/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://push.apple.com.evil.example/x',
    ]) {
      const res = await subscribe('000100', refused);
      expect(res.statusCode, refused).toBe(400);
      expect(res.json(), refused).toMatchObject({ error: { code: 'push_endpoint_not_allowed' } });
    }
    expect(server.db.prepare('SELECT count(*) FROM push_subscriptions').pluck().get()).toBe(0);
    for (const accepted of ['https://fcm.googleapis.com/fcm/send/abc', 'https://updates.push.services.mozilla.com/wpush/v2/x', 'https://web.push.apple.com/QG1', 'https://db5p.notify.windows.com/w/?token=x']) {
      expect((await subscribe('000100', accepted)).statusCode, accepted).toBe(204);
    }
  });

  it('a configured host list replaces the default, and is still no way to a private address', async () => {
    server = await startSyncServer({ KUMIAI_PUSH_HOSTS: 'push.union.example,127.0.0.1' });
    await seedOrg(server);
    expect((await subscribe('000100', 'https://push.union.example/x')).statusCode).toBe(204);
    expect((await subscribe('000100', 'https://fcm.googleapis.com/fcm/send/abc')).statusCode).toBe(400);
    expect((await subscribe('000100', 'https://127.0.0.1/x')).json()).toMatchObject({ error: { code: 'push_endpoint_not_allowed' } });
  });

  it('the sender\u2019s connections refuse a host name that resolves to a private address', async () => {
    endpoint = await startPushEndpoint();
    const port = new URL(endpoint.url).port;
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const request = https.get(`https://localhost:${port}/push/x`, { agent: new https.Agent({ lookup: publicOnlyLookup, ca: endpoint!.ca }) }, () => reject(new Error('connected')));
      request.on('error', resolve);
    });
    expect(error.code).toBe('EPUSHPRIVATE');
    expect(endpoint.received).toEqual([]);
  });
});

describe('the VAPID private key', () => {
  it('is moved out of an older database on start into a 0600 file, leaves no bytes in the database, and still signs pushes', async () => {
    const dataDir = tempDir();
    // A database as the previous version left it: the private key in push_vapid.
    const legacy = webpush.generateVAPIDKeys();
    const db = openDatabase(dataDir);
    db.prepare('INSERT INTO push_vapid (id, public_key, private_key, created_at) VALUES (1, ?, ?, 0)').run(legacy.publicKey, legacy.privateKey);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(databaseBytes(dataDir).includes(legacy.privateKey)).toBe(true);

    server = await startSyncServer({ KUMIAI_PUSH_HOSTS: '127.0.0.1' }, { dataDir });
    await seedOrg(server);
    const keyFile = path.join(dataDir, 'vapid-private.key');
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(legacy.privateKey);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(databaseBytes(dataDir).includes(legacy.privateKey)).toBe(false);
    expect(server.db.prepare('SELECT private_key FROM push_vapid').pluck().get()).toBe('');
    const key = await server.app.inject({ method: 'GET', url: '/api/push/key', headers: await signIn(server, '000100') });
    expect(key.json()).toEqual({ publicKey: legacy.publicKey });

    // A push still goes out, signed with the moved key (ES256 over the VAPID JWT, checked with the public key).
    endpoint = await startPushEndpoint();
    server.services.push.testTransport = { ca: endpoint.ca };
    const subscriber = endpoint.subscriber('memA');
    expect((await subscribe('000100', subscriber.endpoint, subscriber.keys)).statusCode).toBe(204);
    const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers: await signIn(server, '000010'), payload: { title: '大会', body: '本文', audience: { all: false, units: ['wA1'], roles: [], members: [] } } });
    expect(res.statusCode).toBe(201);
    await server.services.push.settled();
    const request = endpoint.received.find((r) => r.path === '/push/memA');
    expect(JSON.parse(decryptPush(request!.body, subscriber))).toMatchObject({ type: 'notice', title: '大会' });
    const [, jwt, k] = /^vapid t=([^,]+), k=(.+)$/.exec(String(request!.headers.authorization))!;
    expect(k).toBe(legacy.publicKey);
    const [header, payload, signature] = jwt!.split('.');
    const point = Buffer.from(legacy.publicKey, 'base64url');
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))).toBe(true);
  });

  it('a new server writes its key to the file only, and keeps it across restarts', async () => {
    const dataDir = tempDir();
    server = await startSyncServer({}, { dataDir, keepData: true });
    const keyFile = path.join(dataDir, 'vapid-private.key');
    const privateKey = fs.readFileSync(keyFile, 'utf8').trim();
    expect(Buffer.from(privateKey, 'base64url')).toHaveLength(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const publicKey = server.services.push.publicKey();
    await server.close();
    expect(databaseBytes(dataDir).includes(privateKey)).toBe(false);
    server = await startSyncServer({}, { dataDir });
    expect(server.services.push.publicKey()).toBe(publicKey);
  });
});
