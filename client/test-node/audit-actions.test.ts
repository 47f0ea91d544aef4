import { describe, expect, it } from 'vitest';
import { featureModules } from '../../server/src/features/index.ts';
import { auditActionsEn, auditActionsJa } from '../src/features/audit/action-messages.ts';

/** Every action the server's audit chain can record reads as words on the audit screen, in both languages. */
describe('audit action words', () => {
  const declared: string[] = featureModules.flatMap((module) => [...module.auditActions]);

  it('the server declares actions (the list is read, not empty)', () => {
    expect(declared.length).toBeGreaterThan(20);
  });

  it.each(declared)('%s has Japanese and English text', (action) => {
    expect((auditActionsJa as Record<string, string>)[action]?.trim()).toBeTruthy();
    expect((auditActionsEn as Record<string, string>)[action]?.trim()).toBeTruthy();
  });

  it('names no action the server does not record', () => {
    expect(Object.keys(auditActionsJa).filter((a) => !declared.includes(a)).sort()).toEqual([]);
  });
});
