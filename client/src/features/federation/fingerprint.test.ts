import { describe, expect, it } from 'vitest';
import { fingerprintLines } from './fingerprint.ts';

describe('fingerprintLines', () => {
  it('groups a SHA-256 fingerprint in fours, four groups a line, upper case', () => {
    const hex = 'ab12cd34ef560789'.repeat(4);
    const lines = fingerprintLines(hex);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual(['AB12', 'CD34', 'EF56', '0789']);
    expect(lines.flat().join('')).toBe(hex.toUpperCase());
  });

  it('reads the server’s spaced form the same as the bare hex, and keeps a short last group', () => {
    expect(fingerprintLines('ab12 cd34 ef5')).toEqual([['AB12', 'CD34', 'EF5']]);
    expect(fingerprintLines('ab12 cd34\nef56', 2)).toEqual([['AB12', 'CD34'], ['EF56']]);
    expect(fingerprintLines('')).toEqual([]);
  });
});
