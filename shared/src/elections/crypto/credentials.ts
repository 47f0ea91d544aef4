/**
 * Voter credentials (§4.8): a 15-character base-58 secret with a checksum,
 * PBKDF2-HMAC-SHA256 (salt = election uuid, 1000 iterations) to a secret
 * exponent s, and the public credential g^s, optionally ",weight".
 * Created by the credential authority, who may be a different person from the
 * server operator (§2, §3.1).
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { mod, type GroupOps } from './group.ts';
import { BASE58, randomBelow } from './random.ts';

function checksumDigit(first14: string): number {
  let n = 0n;
  for (const c of first14) n = n * 58n + BigInt(BASE58.indexOf(c));
  return 53 - Number(n % 53n);
}

/** A fresh secret credential, formatted XXX-XXX-XXX-XXX-XXX. */
export function generateSecretCredential(): string {
  let raw = '';
  for (let i = 0; i < 14; i++) raw += BASE58[Number(randomBelow(58n))];
  raw += BASE58[checksumDigit(raw)];
  return [0, 3, 6, 9, 12].map((i) => raw.slice(i, i + 3)).join('-');
}

/** Checks the form and checksum of a secret credential (either form). */
export function isValidSecretCredential(c: string): boolean {
  let raw = c;
  if (c.length === 19) {
    if ([3, 7, 11, 15].some((i) => c[i] !== '-')) return false;
    raw = c.replace(/-/g, '');
  }
  if (raw.length !== 15 || [...raw].some((ch) => !BASE58.includes(ch))) return false;
  let n = 0n;
  for (const ch of raw.slice(0, 14)) n = n * 58n + BigInt(BASE58.indexOf(ch));
  return (n + BigInt(BASE58.indexOf(raw[14]!))) % 53n === 0n;
}

/** secret(c): the signing exponent derived from the secret credential, as typed (dashes included). */
export function deriveCredentialSecret(ops: GroupOps, uuid: string, credential: string): bigint {
  if (!isValidSecretCredential(credential)) throw new Error('invalid secret credential');
  const out = pbkdf2(sha256, credential, uuid, { c: 1000, dkLen: 32 });
  return mod(BigInt('0x' + bytesToHex(out)), ops.q);
}

export function publicCredential(ops: GroupOps, uuid: string, credential: string): bigint {
  return ops.gPow(deriveCredentialSecret(ops, uuid, credential));
}

export interface IssuedCredential {
  voterId: string;
  secret: string;
  publicKey: bigint;
  weight: bigint;
}

/**
 * The credential authority's batch: one secret per voter (to hand over
 * privately) and the public list L for the server, sorted by credential
 * (which hides the voter order, §3.1 step 3). Weights appear only when one
 * differs from 1, as belenios-tool writes them.
 */
export function issueCredentials(ops: GroupOps, uuid: string, voters: readonly { id: string; weight?: bigint }[]): { issued: IssuedCredential[]; publicCredentials: string[] } {
  const issued = voters.map((v) => {
    const secret = generateSecretCredential();
    return { voterId: v.id, secret, publicKey: publicCredential(ops, uuid, secret), weight: v.weight ?? 1n };
  });
  return { issued, publicCredentials: publicCredentialList(issued) };
}

/** The public list L of issued credentials (made in batches, e.g. on worker threads): sorted by credential, weights only when one differs from 1. */
export function publicCredentialList(issued: readonly { publicKey: bigint; weight: bigint }[]): string[] {
  const weighted = issued.some((c) => c.weight !== 1n);
  return [...issued]
    .sort((a, b) => (a.publicKey < b.publicKey ? -1 : a.publicKey > b.publicKey ? 1 : 0))
    .map((c) => (weighted ? `${c.publicKey},${c.weight}` : `${c.publicKey}`));
}

/** Parses one public credential line: "g^s" or "g^s,weight". `memberChecked`: this line was accepted here before (skip the group test). */
export function parsePublicCredential(ops: GroupOps, line: string, memberChecked = false): { key: bigint; weight: bigint } | null {
  const m = /^(0|[1-9][0-9]*)(?:,(0|[1-9][0-9]*))?$/.exec(line);
  if (!m) return null;
  const key = BigInt(m[1]!);
  if (!memberChecked && !ops.check(key)) return null;
  return { key, weight: m[2] === undefined ? 1n : BigInt(m[2]) };
}
