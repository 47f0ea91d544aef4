import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SealingKey } from './sealed.ts';

const log = { warn: () => {} };

describe('SealingKey', () => {
  it('opens what it sealed for the same record only, with a fresh nonce each time', () => {
    const key = SealingKey.of(Buffer.alloc(32, 7));
    const a = key.seal('残業代が未払いです', 'case-1');
    const b = key.seal('残業代が未払いです', 'case-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('残業');
    expect(key.open(a, 'case-1')).toBe('残業代が未払いです');
    expect(() => key.open(a, 'case-2')).toThrow();
    expect(() => SealingKey.of(Buffer.alloc(32, 8)).open(a, 'case-1')).toThrow();
    const tampered = Buffer.from(a.slice(3), 'base64url');
    tampered[tampered.length - 1]! ^= 1;
    expect(() => key.open(`k1.${tampered.toString('base64url')}`, 'case-1')).toThrow();
  });

  it('keeps its key in a 0600 file, made once, and makes none when told not to', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-sealed-'));
    try {
      const file = path.join(dir, 'k.key');
      expect(SealingKey.load(file, log, 'test', false)).toBeNull();
      const made = SealingKey.load(file, log, 'test', true)!;
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(SealingKey.load(file, log, 'test', false)!.open(made.seal('x', 'r'), 'r')).toBe('x');
      fs.writeFileSync(file, 'c2hvcnQ=\n');
      expect(() => SealingKey.load(file, log, 'test', false)).toThrow(/32-byte/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
