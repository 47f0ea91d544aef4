import type { Widen } from '../../i18n/types.ts';

/** `m.audit` (Japanese, the source). */
export const auditJa = {
  title: '操作記録(監査ログ)',
  verify: '改ざんがないか確かめる',
  verifyOk: '問題ありません({n}件を確認しました)。',
  verifyBroken: '記録 #{seq} から先が改ざんされているか壊れています({n}件中)。',
  by: '操作した人',
  older: 'もっと見る',
  target: '対象',
  system: 'システム(コマンドや自動処理)',
  filters: '絞り込み',
  actor: '操作した人の社員番号',
  actorHint: '空欄なら全員です。',
  actorNotFound: '社員番号 {number} の人は見つかりません。',
  action: '操作の種類',
  anyAction: 'すべての操作',
  from: 'この日から',
  to: 'この日まで',
  apply: '絞り込む',
  clear: '絞り込みをやめる',
  exportCsv: 'この条件で CSV に書き出す',
  exportHint: '表示している分だけでなく、条件に合う記録すべてを書き出します。書き出したことも記録に残ります。',
  empty: '条件に合う記録はありません。',
  end: 'これより古い記録はありません。',
} as const;

export const auditEn: Widen<typeof auditJa> = {
  title: 'Audit log',
  verify: 'Check for tampering',
  verifyOk: 'All good ({n} entries checked).',
  verifyBroken: 'Entry #{seq} onwards has been altered or is broken ({n} entries).',
  by: 'by',
  older: 'Show more',
  target: 'Target',
  system: 'System (a command or an automatic task)',
  filters: 'Filter',
  actor: 'Employee number of who did it',
  actorHint: 'Leave empty for everyone.',
  actorNotFound: 'No one has the employee number {number}.',
  action: 'Kind of action',
  anyAction: 'All actions',
  from: 'From',
  to: 'Until',
  apply: 'Filter',
  clear: 'Clear the filter',
  exportCsv: 'Export these entries as CSV',
  exportHint: 'Exports every entry that matches, not only those shown. The export itself is recorded.',
  empty: 'No entries match.',
  end: 'There are no older entries.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { audit: Widen<typeof auditJa> }
}
