import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { readKeyFile, writeKeyFile, type KeyFileLogger } from '../../lib/key-file.ts';

/** SHA-256 of a public key (SPKI DER, base64url as exchanged), hex in groups of four: what both admins compare. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex');
  return hex.match(/.{4}/g)!.join(':');
}

/** The public key as exchanged, or null when it is not an Ed25519 key. */
export function publicKeyObject(publicKey: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64url'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Whether `signature` (base64url) is `publicKey`'s Ed25519 signature of the exact bytes of `message`. */
export function verifySigned(publicKey: string, message: string, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64url'));
}

/**
 * This server's Ed25519 identity for federation links: the private key in a
 * 0600 key file of the data directory (`federation.key`, PKCS#8 PEM; never in
 * the database, so a copy of the database or a backup cannot sign), made at
 * first use. The public key is what the other side keeps.
 */
export class FederationKeys {
  private key: KeyObject | null = null;
  private log: KeyFileLogger = { warn: () => undefined };

  constructor(private readonly keyFile: string) {}

  useLogger(log: KeyFileLogger): void {
    this.log = log;
  }

  private privateKey(): KeyObject {
    if (this.key) return this.key;
    const found = readKeyFile(this.keyFile, this.log, 'federation');
    const pem = found ?? writeKeyFile(this.keyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString().trim(), this.log, 'federation');
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${this.keyFile}: the federation key must be an Ed25519 private key`);
    this.key = key;
    return key;
  }

  publicKey(): string {
    return createPublicKey(this.privateKey()).export({ format: 'der', type: 'spki' }).toString('base64url');
  }

  fingerprint(): string {
    return fingerprintOf(this.publicKey());
  }

  /** `{message, signature}` for this exact text. */
  sign(message: string): { message: string; signature: string } {
    return { message, signature: sign(null, Buffer.from(message, 'utf8'), this.privateKey()).toString('base64url') };
  }
}

/** A fresh nonce for a message. */
export const nonce = (): string => randomBytes(16).toString('base64url');

/**
 * A union's service token for its federation link (the sync credential), in a
 * 0600 file of the data directory beside the key, never in the database: a
 * stolen backup can neither sign nor connect. Written whole (a temporary file
 * renamed), with the link's id, so a token of an older link is never used.
 */
export class ServiceTokenFile {
  constructor(private readonly file: string) {}

  read(linkId: string): string | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const [id, token] = text.split(/\s+/);
    return id === linkId && token ? token : null;
  }

  write(linkId: string, token: string): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, `${linkId} ${token}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
  }
}
