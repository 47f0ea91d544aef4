import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readKeyFile, writeKeyFile, type KeyFileLogger } from './key-file.ts';

const NONCE = 12;
const TAG = 16;
/** The prefix of a sealed text: the format's version. */
const PREFIX = 'k1.';

/**
 * Encryption at rest (AES-256-GCM, node:crypto) with a key kept in a file
 * outside the database (`key-file.ts`: 0600, never in a backup). Every value
 * gets its own random 96-bit nonce, and is bound to the record it belongs to
 * (`aad`, its id): a sealed value copied into another record does not open.
 */
export class SealingKey {
  private constructor(private readonly key: Buffer) {}

  /** The key in `file`, made (32 random bytes) when there is none and `create` allows it; null when there is none. */
  static load(file: string, log: KeyFileLogger, label: string, create: boolean): SealingKey | null {
    let text = readKeyFile(file, log, label);
    if (text === null) {
      if (!create) return null;
      text = writeKeyFile(file, randomBytes(32).toString('base64'), log, label);
    }
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) throw new Error(`the ${label} key file ${file} does not hold a 32-byte base64 key`);
    return new SealingKey(key);
  }

  /** A test's or a tool's key from its bytes. */
  static of(key: Buffer): SealingKey {
    if (key.length !== 32) throw new Error('a sealing key is 32 bytes');
    return new SealingKey(Buffer.from(key));
  }

  sealBytes(plain: Buffer, aad: string): Buffer {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce).setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was not sealed with this key for this record (or was altered). */
  openBytes(sealed: Buffer, aad: string): Buffer {
    if (sealed.length < NONCE + TAG) throw new Error('sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, NONCE)).setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(NONCE, NONCE + TAG));
    return Buffer.concat([decipher.update(sealed.subarray(NONCE + TAG)), decipher.final()]);
  }

  /** A text as `k1.<base64url>` (nonce, tag, ciphertext), for a TEXT column. */
  seal(plain: string, aad: string): string {
    return PREFIX + this.sealBytes(Buffer.from(plain, 'utf8'), aad).toString('base64url');
  }

  open(sealed: string, aad: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
    return this.openBytes(Buffer.from(sealed.slice(PREFIX.length), 'base64url'), aad).toString('utf8');
  }
}
