import type { Widen } from '../../i18n/types.ts';

/** `m.audit` (Japanese, the source). */
export const auditJa = {
  title: '操作記録(監査ログ)',
  verify: '改ざんがないか確かめる',
  verifyOk: '問題ありません({n}件を確認しました)。',
  verifyBroken: '記録 #{seq} から先が改ざんされているか壊れています({n}件中)。',
  by: '操作した人',
  older: 'さらに古い記録',
} as const;

export const auditEn: Widen<typeof auditJa> = {
  title: 'Audit log',
  verify: 'Check for tampering',
  verifyOk: 'All good ({n} entries checked).',
  verifyBroken: 'Entry #{seq} onwards has been altered or is broken ({n} entries).',
  by: 'by',
  older: 'Show older entries',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { audit: Widen<typeof auditJa> }
}
