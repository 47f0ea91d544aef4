import { describe, expect, it } from 'vitest';
import { backupText, seedFromBackup } from './trustee-device.ts';

describe("the trustee's backup file", () => {
  const text = backupText('e1', 'm1', 'スト権確立投票', 'SEED-abc_123');

  it('says what it is for in both languages and gives back the seed for the same election and member', () => {
    expect(text).toContain('秘密の種');
    expect(text).toContain('secret seed');
    expect(text).toContain('スト権確立投票');
    expect(seedFromBackup(text, 'e1', 'm1')).toBe('SEED-abc_123');
  });

  it("refuses another election's or another member's backup, and any other file", () => {
    expect(seedFromBackup(text, 'e2', 'm1')).toBeNull();
    expect(seedFromBackup(text, 'e1', 'm2')).toBeNull();
    expect(seedFromBackup('seed: x\nelection: e1\nmember: m1', 'e1', 'm1')).toBeNull();
  });
});
