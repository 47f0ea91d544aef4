/**
 * The trustees' own public-key infrastructure (§4.6.1–4.6.3): a secret seed,
 * derived signing/decryption keys, Schnorr signatures over strings, and an
 * ElGamal + AES-256-CCM hybrid encryption, so that trustees can exchange their
 * polynomial shares through the server without the server reading them.
 * AES-CCM (8-byte tag, nonce cut from SHA256(iv|alpha)) is built from the AES
 * block function as the reference does (SJCL's ccm, src/platform/native/platform.ml).
 */
import { cbc, ecb } from '@noble/ciphers/aes.js';
import { hexToBytes, bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { mod, type GroupOps } from './group.ts';
import { hashToZq, sha256Hex, utf8Decode } from './hash.ts';
import { readEncryptedMsg, readObject, readSignedMsg, parseJson, readString, bignum, str, writeEncryptedMsg, writeSignedMsg } from './json.ts';
import { randomBase58, randomBelow } from './random.ts';
import type { SignedMsg } from './types.ts';

export const generateSeed = (): string => randomBase58(22);
export const deriveSk = (seed: string): bigint => BigInt('0x' + sha256Hex(`sk|${seed}`));
export const deriveDk = (seed: string): bigint => BigInt('0x' + sha256Hex(`dk|${seed}`));

const sigmsgPrefix = (m: string) => `sigmsg|${m}|`;

export function sign(ops: GroupOps, sk: bigint, message: string): SignedMsg {
  const w = randomBelow(ops.q);
  const challenge = hashToZq(sigmsgPrefix(message), [ops.gPow(w)], ops.q);
  return { message, signature: { challenge, response: mod(w - sk * challenge, ops.q) } };
}

export function verifySigned(ops: GroupOps, vk: bigint, m: SignedMsg): boolean {
  const { challenge, response } = m.signature;
  if (!ops.inZq(challenge) || !ops.inZq(response)) return false;
  const A = ops.mul(ops.gPow(response), ops.pow(vk, challenge));
  return hashToZq(sigmsgPrefix(m.message), [A], ops.q) === challenge;
}

// ---- AES-256-CCM, 64-bit tag, no associated data --------------------------

function ccmLengthField(len: number, nonceLen: number): number {
  let l = 2;
  while (l < 4 && Math.floor(len / 2 ** (8 * l)) !== 0) l++;
  return Math.max(l, 15 - nonceLen);
}

function ccmCore(key: Uint8Array, iv: Uint8Array, l: number): { ctr: (d: Uint8Array) => Uint8Array; mac: (p: Uint8Array) => Uint8Array } {
  const nonce = iv.subarray(0, 15 - l);
  const counter = (i: number) => {
    const c = new Uint8Array(16);
    c[0] = l - 1;
    c.set(nonce, 1);
    const dv = new DataView(c.buffer);
    dv.setUint32(12, (dv.getUint32(12) | i) >>> 0);
    return c;
  };
  /** E_K(ctr_0), E_K(ctr_1), … in one ECB call (noble's ciphers are single-use). */
  const keystream = (blocks: number) => {
    const input = new Uint8Array(16 * (blocks + 1));
    for (let i = 0; i <= blocks; i++) input.set(counter(i), 16 * i);
    return ecb(key, { disablePadding: true }).encrypt(input);
  };
  return {
    ctr: (d) => {
      const ks = keystream(Math.ceil(d.length / 16));
      return d.map((b, i) => b ^ ks[16 + i]!);
    },
    mac: (p) => {
      // CBC-MAC over B0 ‖ plaintext (zero-padded): the last CBC block with a zero IV.
      const input = new Uint8Array(16 * (1 + Math.ceil(p.length / 16)));
      input[0] = ((8 - 2) << 2) | (l - 1);
      input.set(nonce, 1);
      const dv = new DataView(input.buffer);
      dv.setUint32(12, (dv.getUint32(12) | p.length) >>> 0);
      input.set(p, 16);
      const cbcOut = cbc(key, new Uint8Array(16), { disablePadding: true }).encrypt(input);
      const s0 = keystream(0);
      return cbcOut.subarray(cbcOut.length - 16, cbcOut.length - 8).map((b, k) => b ^ s0[k]!);
    },
  };
}

export function ccmEncrypt(keyHex: string, ivHex: string, plaintext: Uint8Array): string {
  const iv = hexToBytes(ivHex);
  const l = ccmLengthField(plaintext.length, iv.length);
  const { ctr, mac } = ccmCore(hexToBytes(keyHex), iv, l);
  const out = new Uint8Array(plaintext.length + 8);
  out.set(ctr(plaintext));
  out.set(mac(plaintext), plaintext.length);
  return bytesToHex(out);
}

export function ccmDecrypt(keyHex: string, ivHex: string, dataHex: string): Uint8Array {
  const iv = hexToBytes(ivHex);
  const data = hexToBytes(dataHex);
  if (data.length < 8) throw new Error('ccm: too short');
  const body = data.subarray(0, data.length - 8);
  const l = ccmLengthField(body.length, iv.length);
  const { ctr, mac } = ccmCore(hexToBytes(keyHex), iv, l);
  const plain = ctr(body);
  const tag = mac(plain);
  let diff = 0;
  for (let k = 0; k < 8; k++) diff |= tag[k]! ^ data[body.length + k]!;
  if (diff !== 0) throw new Error("ccm: tag doesn't match");
  return plain;
}

/** encrypted_msg (§4.6.1), serialized. */
export function pkiEncrypt(ops: GroupOps, ek: bigint, plaintext: string): string {
  const r = randomBelow(ops.q);
  const s = ops.gPow(randomBelow(ops.q));
  const alpha = ops.gPow(r);
  const beta = ops.mul(ops.pow(ek, r), s);
  const data = ccmEncrypt(sha256Hex(`key|${s}`), sha256Hex(`iv|${alpha}`), utf8ToBytes(plaintext));
  return writeEncryptedMsg({ alpha, beta, data });
}

export function pkiDecrypt(ops: GroupOps, dk: bigint, raw: string): string {
  const m = readEncryptedMsg(raw);
  const s = ops.div(m.beta, ops.pow(m.alpha, dk));
  const plain = utf8Decode(ccmDecrypt(sha256Hex(`key|${s}`), sha256Hex(`iv|${m.alpha}`), m.data));
  if (plain === null) throw new Error('decrypted message is not UTF-8');
  return plain;
}

/** send(sk, recipient, message) (§4.6.3): channel_msg, signed, then encrypted to the recipient. */
export function channelSend(ops: GroupOps, sk: bigint, recipient: bigint, message: string): string {
  const channel = `{"recipient":"${recipient}","message":${str(message)}}`;
  return pkiEncrypt(ops, recipient, writeSignedMsg(sign(ops, sk, channel)));
}

export function channelRecv(ops: GroupOps, dk: bigint, senderVk: bigint, raw: string): string {
  const signed = readSignedMsg(parseJson(pkiDecrypt(ops, dk, raw), 'signed_msg'));
  if (!verifySigned(ops, senderVk, signed)) throw new Error('invalid signature on received message');
  const o = readObject(parseJson(signed.message, 'channel_msg'), 'channel_msg');
  if (bignum(o.recipient, 'recipient') !== ops.gPow(dk)) throw new Error('invalid recipient on received message');
  return readString(o.message, 'message');
}
