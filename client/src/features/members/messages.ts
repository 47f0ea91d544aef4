import type { Widen } from '../../i18n/types.ts';

/** `m.members` (Japanese, the source). */
export const membersJa = {
  title: '組合員名簿',
  search: '検索',
  searchHint: '氏名、フリガナ、社員番号で探せます。',
  unit: '所属',
  allUnits: 'すべての所属',
  status: '状態',
  allStatuses: 'すべての状態',
  shown: '{n}人を表示しています',
  activated: 'ログイン済み',
  notActivated: '未ログイン',
  codeIssued: 'カード発行済み・未ログイン',
  loadMore: 'さらに表示',
  detailTitle: '組合員',
  kana: 'フリガナ',
  signIn: 'ログイン',
  historyTitle: '履歴',
  noHistory: '履歴はまだありません。',
  editTitle: '所属・状態・連絡先の変更',
  rolesTitle: '役割',
  noRoles: '特別な役割はありません。',
  revoke: '外す',
  grantTitle: '役割を与える',
  roleUnit: 'どの組織で',
  role: '役割',
  chooseRole: '選んでください',
  grant: '役割を与える',
  issueCard: '新しいログインカードを発行',
  endSessions: 'すべての端末からログアウトさせる',
  sessionsEnded: '{n}件のログインを終了しました。',
} as const;

export const membersEn: Widen<typeof membersJa> = {
  title: 'Member list',
  search: 'Search',
  searchHint: 'By name, kana or employee number.',
  unit: 'Unit',
  allUnits: 'All units',
  status: 'Status',
  allStatuses: 'Any status',
  shown: 'Showing {n} members',
  activated: 'Signed in',
  notActivated: 'Not signed in yet',
  codeIssued: 'Card issued, not signed in yet',
  loadMore: 'Show more',
  detailTitle: 'Member',
  kana: 'Kana',
  signIn: 'Sign-in',
  historyTitle: 'History',
  noHistory: 'No history yet.',
  editTitle: 'Change unit, status or contact',
  rolesTitle: 'Roles',
  noRoles: 'No special roles.',
  revoke: 'Remove',
  grantTitle: 'Give a role',
  roleUnit: 'In which unit',
  role: 'Role',
  chooseRole: 'Choose one',
  grant: 'Give role',
  issueCard: 'Issue a new login card',
  endSessions: 'Sign them out everywhere',
  sessionsEnded: 'Ended {n} sign-ins.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages {
    members: Widen<typeof membersJa>;
  }
}
