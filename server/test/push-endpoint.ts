import selfsigned from 'selfsigned';
import { createDecipheriv, createECDH, createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';

/** A browser's side of a push subscription: a P-256 key pair and 16 auth bytes, as RFC 8291 describes. */
export interface TestSubscriber {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: Buffer;
}

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/**
 * Decrypts an aes128gcm Web Push message (RFC 8291 §3.4, RFC 8188 §2) with the
 * subscriber's private key, the way a browser does.
 */
export function decryptPush(body: Buffer, subscriber: TestSubscriber): string {
  // RFC 8188 header: salt(16) | rs(4) | idlen(1) | keyid(idlen) — the keyid is the sender's ephemeral public key.
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const senderPublic = body.subarray(21, 21 + idlen);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(subscriber.privateKey);
  const uaPublic = ecdh.getPublicKey();
  const secret = ecdh.computeSecret(senderPublic);
  const auth = Buffer.from(subscriber.keys.auth, 'base64url');
  // RFC 8291 §3.4: IKM from the ECDH secret and the auth secret, then RFC 8188's CEK and nonce.
  const prkKey = hmac(auth, secret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const baseNonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const records = body.subarray(21 + idlen);
  const out: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += rs, seq += 1) {
    const record = records.subarray(offset, offset + rs);
    const nonce = Buffer.from(baseNonce);
    // The record sequence number is XORed into the end of the nonce (it fits the last four bytes here).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // Padding: the content, a delimiter (2 for the last record, 1 otherwise), then zeros.
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end -= 1;
    if (plain[end] !== 1 && plain[end] !== 2) throw new Error('bad padding delimiter');
    out.push(plain.subarray(0, end));
  }
  return Buffer.concat(out).toString('utf8');
}

/** A self-signed certificate for 127.0.0.1 (web-push speaks only https). */
async function selfSigned(): Promise<{ key: string; cert: string }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * A push service on https://127.0.0.1: keeps every request and answers with
 * `status` (201, or 410 for a dead subscription). `agent` trusts its certificate.
 */
export async function startPushEndpoint(): Promise<{ url: string; ca: string; agent: https.Agent; received: Received[]; status: Map<string, number>; subscriber: (name: string) => TestSubscriber; close: () => Promise<void> }> {
  const received: Received[] = [];
  const status = new Map<string, number>();
  const tls = await selfSigned();
  const server = https.createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const subscriber = (name: string): TestSubscriber => {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return { endpoint: `${url}/push/${name}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }, privateKey: ecdh.getPrivateKey() };
  };
  const agent = new https.Agent({ ca: tls.cert });
  return { url, ca: tls.cert, agent, received, status, subscriber, close: () => new Promise((resolve) => {
    agent.destroy();
    server.close(() => resolve());
  }) };
}
