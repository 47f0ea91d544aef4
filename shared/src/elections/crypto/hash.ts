import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { mod } from './group.ts';

/** SHA-256 of a UTF-8 string, lowercase hex (the spec's H, §4.2). */
export function sha256Hex(s: string | Uint8Array): string {
  return bytesToHex(sha256(typeof s === 'string' ? utf8ToBytes(s) : s));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without padding (as Belenios writes hashes, §4.15). */
export function base64NoPad(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** H_JSON(J) = BASE64(SHA256(J)) without padding: election fingerprints, ballot hashes, trackers (§4.15). */
export function sha256B64(s: string): string {
  return base64NoPad(sha256(utf8ToBytes(s)));
}

/**
 * Belenios' G.hash: SHA256(prefix ‖ x1,x2,…,xn) with numbers in base 10,
 * read as a big-endian number and reduced mod q (§4.5, §4.12–4.14, §4.18).
 */
export function hashToZq(prefix: string, xs: readonly bigint[], q: bigint): bigint {
  return mod(BigInt('0x' + sha256Hex(prefix + xs.map((x) => x.toString(10)).join(','))), q);
}

interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
/** TextDecoder exists in every runtime we target (browsers, Node); shared/ has no DOM types, so we name it here. */
const TextDecoderCtor = (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean }) => StrictDecoder }).TextDecoder;
const strictUtf8 = new TextDecoderCtor('utf-8', { fatal: true });

/** Strict UTF-8 decoding: null when the bytes are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
