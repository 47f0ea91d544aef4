import type { Widen } from '../../i18n/types.ts';

/** `m.dues` (Japanese, the source): the member's own dues (組合費), read from the device. */
export const duesJa = {
  title: '組合費',
  meLink: '組合費',
  meLinkHint: '毎月の控除・納付と年間合計（オフラインでも見られます）',
  intro: 'この端末に保存された記録です。電波がなくても見られます。',
  loading: '読み込み中…',
  empty: 'まだ組合費の記録がありません。',
  arrearsTitle: '未納',
  arrearsNone: '未納はありません。',
  arrears: '未納が {amount} あります（{months}か月分、最も古いのは{oldest}）。会計担当にご相談ください。',
  yearTitle: '{year}年',
  yearTotal: '年間合計: {amount}',
  yearTotalStrike: 'うち闘争資金: {amount}',
  yearTotalHint: 'この年に給与から控除された額と、振込・現金で納めた額の合計です。確定申告や年末調整の控えなど、組合費の年額を書き留めるときに使えます。',
  accountGeneral: '組合費',
  accountStrike: '闘争資金',
  expected: '請求額',
  received: '納めた額',
  shortfall: '不足',
  source: {
    checkoff: 'チェックオフ（給与天引き）',
    transfer: '振込',
    cash: '現金',
    mixed: 'チェックオフと直接納付',
    none: 'まだありません',
  },
  deductedBy: 'チェックオフ（給与天引き）: {amount}',
  paidBy: '{method}: {amount}',
  paidMixed: '振込・現金',
  state: {
    paid: '納付済み',
    short: '一部未納',
    unpaid: '未納',
    over: '請求額より多く納付',
    none_due: '請求なし（免除など）',
  },
} as const;

export const duesEn: Widen<typeof duesJa> = {
  title: 'Dues',
  meLink: 'Dues',
  meLinkHint: 'Each month’s deduction or payment and the yearly total (also offline)',
  intro: 'These records are kept on this device. You can read them with no connection.',
  loading: 'Loading…',
  empty: 'No dues have been recorded for you yet.',
  arrearsTitle: 'Arrears',
  arrearsNone: 'You owe nothing.',
  arrears: 'You owe {amount} ({months} months, the oldest {oldest}). Please talk to the treasurer.',
  yearTitle: '{year}',
  yearTotal: 'Year total: {amount}',
  yearTotalStrike: 'Of which strike fund: {amount}',
  yearTotalHint: 'What was deducted from your pay in the year plus what you paid by transfer or in cash. Use it when you note your yearly union dues, e.g. for your tax return.',
  accountGeneral: 'Dues',
  accountStrike: 'Strike fund',
  expected: 'Asked',
  received: 'Paid',
  shortfall: 'Short',
  source: {
    checkoff: 'Check-off (deducted from pay)',
    transfer: 'Bank transfer',
    cash: 'Cash',
    mixed: 'Check-off and direct payment',
    none: 'Nothing yet',
  },
  deductedBy: 'Check-off (deducted from pay): {amount}',
  paidBy: '{method}: {amount}',
  paidMixed: 'Transfer or cash',
  state: {
    paid: 'Paid',
    short: 'Partly unpaid',
    unpaid: 'Unpaid',
    over: 'Paid more than asked',
    none_due: 'Nothing due (exempt)',
  },
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages {
    dues: Widen<typeof duesJa>;
  }
}
