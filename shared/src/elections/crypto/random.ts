/**
 * Randomness: only the platform CSPRNG (crypto.getRandomValues), in the
 * browser and in Node alike. Nothing here is seedable on purpose.
 */

interface CryptoLike {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}

function platformCrypto(): CryptoLike {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c || typeof c.getRandomValues !== 'function') throw new Error('no crypto.getRandomValues on this platform');
  return c;
}

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // getRandomValues fills at most 65536 bytes per call.
  for (let i = 0; i < n; i += 65536) platformCrypto().getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

/** Uniform in [0, q): 128 extra bits before the reduction, as Belenios does. */
export function randomBelow(q: bigint): bigint {
  const bytes = randomBytes(Math.floor(q.toString(2).length / 8) + 17);
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x % q;
}

export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** n random base-58 characters (uuids, PKI seeds, credentials). */
export function randomBase58(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += BASE58[Number(randomBelow(58n))];
  return out;
}
