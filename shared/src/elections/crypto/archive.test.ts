import { describe, expect, it } from 'vitest';
import { ArchiveBuilder, checkChain, parseArchive } from './archive.ts';
import { groupOps } from './group.ts';
import { ccmDecrypt, ccmEncrypt, channelRecv, channelSend, deriveDk, deriveSk, generateSeed } from './pki.ts';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { utf8Decode } from './hash.ts';

describe('archive', () => {
  it('round-trips records and refuses a record removed from the middle of the chain', () => {
    const b = new ArchiveBuilder(1700000000n);
    const setup = b.data('{"a":"日本語"}');
    b.event('Setup', setup);
    b.event('Ballot', b.data('{"ballot":1}'));
    b.event('EndBallots');
    const parsed = parseArchive(b.bytes());
    expect(parsed.records.map((r) => r.kind)).toEqual(['data', 'event', 'data', 'event', 'event']);
    expect(() => checkChain(parsed)).toThrow(); // the Setup payload is not setup_data
    const good = new ArchiveBuilder(1n);
    good.event('EndBallots');
    good.event('EndBallots');
    const g = parseArchive(good.bytes());
    expect(checkChain(g).events.map((e) => e.event.height)).toEqual([0, 1]);
    expect(() => checkChain({ ...g, records: [g.records[1]!] })).toThrow(/not found/);
    const bytes = good.bytes();
    expect(() => parseArchive(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
  });
});

describe('trustee channels (AES-256-CCM, ElGamal)', () => {
  const ops = groupOps('BELENIOS-2048');
  it('decrypts what it encrypts, for short and multi-block messages, and refuses a changed byte', () => {
    const key = '00'.repeat(32);
    const iv = '11'.repeat(32);
    for (const text of ['', 'x', 'a'.repeat(16), 'b'.repeat(100)]) {
      const c = ccmEncrypt(key, iv, utf8ToBytes(text));
      expect(c.length).toBe(2 * (text.length + 8));
      expect(utf8Decode(ccmDecrypt(key, iv, c))).toBe(text);
      const bad = (c[0] === '0' ? '1' : '0') + c.slice(1);
      expect(() => ccmDecrypt(key, iv, bad)).toThrow("ccm: tag doesn't match");
    }
  });
  it('delivers a signed message only to its recipient', () => {
    const [a, b] = [generateSeed(), generateSeed()];
    const msg = channelSend(ops, deriveSk(a), ops.gPow(deriveDk(b)), '{"secret":"42"}');
    expect(channelRecv(ops, deriveDk(b), ops.gPow(deriveSk(a)), msg)).toBe('{"secret":"42"}');
    expect(() => channelRecv(ops, deriveDk(a), ops.gPow(deriveSk(a)), msg)).toThrow();
    expect(() => channelRecv(ops, deriveDk(b), ops.gPow(deriveSk(b)), msg)).toThrow('invalid signature on received message');
  });
});
