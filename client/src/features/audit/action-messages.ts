import type { Widen } from '../../i18n/types.ts';

/**
 * `m.auditActions`: every action the server's audit chain records (each server module's
 * `auditActions`), in words. client/test-node/audit-actions.test.ts fails when one is missing.
 */
export const auditActionsJa = {
  'member.password_changed': 'パスワードを変更',
  'member.pin_changed': '共用端末の暗証番号を変更',
  'kiosk.registered': '共用端末を登録',
  'kiosk.revoked': '共用端末の登録を取り消し',
  'unit.created': '組織を作成',
  'unit.renamed': '組織の名前を変更',
  'unit.moved': '組織を移動',
  'unit.archived': '組織を廃止',
  'audit.exported': '操作記録を書き出し',
  'units.imported': '組織の一覧を取り込み',
  'members.imported': '組合員名簿を取り込み',
  'notice.reminded': 'お知らせのリマインドを送信',
  'member.updated': '組合員の情報を変更',
  'role.granted': '役割を付与',
  'role.revoked': '役割を解除',
  'code.issued': 'ログインカードを発行',
  'sessions.ended': 'すべての端末からログアウトさせた',
  'export.created': '名簿を書き出し',
  'comment.hidden': 'コメントを非表示に',
  'setup.completed': '初期設定を完了',
  'notice.created': 'お知らせを作成',
  'notice.updated': 'お知らせを編集',
  'token.created': '連携用トークンを作成',
  'token.revoked': '連携用トークンを取り消し',
  'member.data_exported': '本人のデータを書き出し',
  'member.pseudonymised': '組合員の個人情報を消去(仮名化)',
  'form.created': 'アンケート・申請を作成',
  'form.updated': 'アンケート・申請を編集',
  'form.archived': 'アンケート・申請を終了',
  'form.exported': '回答・申請を書き出し',
  'form.reminded': 'アンケートのリマインドを送信',
  'application.acted': '申請を処理(承認・差し戻しなど)',
  'folder.created': '資料のフォルダを作成',
  'document.created': '資料を追加',
  'document.versioned': '資料を更新',
  // issue 17: the election commission's and trustees' steps
  'election.created': '選挙を作成',
  'election.updated': '選挙の設定を編集',
  'election.roll_frozen': '選挙人名簿を確定',
  'election.roll_changed': '選挙人名簿を訂正',
  'election.trustees_set': '開票管理者(鍵の保管者)を指名',
  'election.trustee_step': '開票管理者が鍵の手順を実行',
  'election.opened': '投票を開始できる状態にした(投票用の鍵を発行)',
  'election.reminded': '未投票の組合員に投票を呼びかけ',
  'election.paper_voter': '紙で投票した組合員を記録',
  'election.paper_totals': '紙の投票の集計を入力',
  'election.tally_started': '開票を開始',
  'election.published': '選挙の結果を公表',
  // issue 18: dues
  'dues.policy_set': '組合費の設定を変更',
  'dues.rule_added': '組合費のルールを追加',
  'dues.rule_removed': '組合費のルールを削除',
  'dues.exemption_added': '組合費の免除を登録',
  'dues.exemption_removed': '組合費の免除を削除',
  'dues.base_pay_saved': '基本給を登録',
  'dues.checkoff_applied': 'チェックオフを取り込み',
  'dues.payment_recorded': '組合費の直接納入を記録',
  'dues.exported': '組合費を書き出し',
} as const;

export const auditActionsEn: Widen<typeof auditActionsJa> = {
  'member.password_changed': 'Changed password',
  'member.pin_changed': 'Changed kiosk PIN',
  'kiosk.registered': 'Registered a kiosk',
  'kiosk.revoked': 'Removed a kiosk',
  'unit.created': 'Created a unit',
  'unit.renamed': 'Renamed a unit',
  'unit.moved': 'Moved a unit',
  'unit.archived': 'Closed a unit',
  'audit.exported': 'Exported the audit log',
  'units.imported': 'Imported the unit list',
  'members.imported': 'Imported the roster',
  'notice.reminded': 'Sent a notice reminder',
  'member.updated': 'Changed member details',
  'role.granted': 'Gave a role',
  'role.revoked': 'Removed a role',
  'code.issued': 'Issued login cards',
  'sessions.ended': 'Signed a member out everywhere',
  'export.created': 'Exported the roster',
  'comment.hidden': 'Hid a comment',
  'setup.completed': 'Completed first setup',
  'notice.created': 'Created a notice',
  'notice.updated': 'Edited a notice',
  'token.created': 'Created an integration token',
  'token.revoked': 'Revoked an integration token',
  'member.data_exported': "Exported a member's own data",
  'member.pseudonymised': "Erased a member's personal data (pseudonymised)",
  'form.created': 'Created a survey or application form',
  'form.updated': 'Edited a survey or application form',
  'form.archived': 'Closed a survey or application form',
  'form.exported': 'Exported answers or applications',
  'form.reminded': 'Sent a survey reminder',
  'application.acted': 'Handled an application (approved, returned…)',
  'folder.created': 'Created a documents folder',
  'document.created': 'Added a document',
  'document.versioned': 'Updated a document',
  // issue 17: the election commission's and trustees' steps
  'election.created': 'Created an election',
  'election.updated': "Edited an election's settings",
  'election.roll_frozen': 'Froze the voter roll',
  'election.roll_changed': 'Corrected the voter roll',
  'election.trustees_set': 'Named the trustees (key holders)',
  'election.trustee_step': 'A trustee did a key step',
  'election.opened': 'Made an election ready for voting (voting keys issued)',
  'election.reminded': 'Reminded members who have not voted',
  'election.paper_voter': 'Recorded a member who voted on paper',
  'election.paper_totals': 'Entered the paper ballot totals',
  'election.tally_started': 'Started the tally',
  'election.published': "Published an election's result",
  // issue 18: dues
  'dues.policy_set': 'Changed the dues settings',
  'dues.rule_added': 'Added a dues rule',
  'dues.rule_removed': 'Removed a dues rule',
  'dues.exemption_added': 'Recorded a dues exemption',
  'dues.exemption_removed': 'Removed a dues exemption',
  'dues.base_pay_saved': 'Saved base pay',
  'dues.checkoff_applied': 'Imported a check-off file',
  'dues.payment_recorded': 'Recorded a direct dues payment',
  'dues.exported': 'Exported dues',
};

export type AuditActionCode = keyof typeof auditActionsJa;

export const auditActionCodes = Object.keys(auditActionsJa) as AuditActionCode[];

export function isAuditActionCode(code: string): code is AuditActionCode {
  return Object.hasOwn(auditActionsJa, code);
}

declare module '../../i18n/types.ts' {
  interface FeatureMessages { auditActions: Widen<typeof auditActionsJa> }
}
