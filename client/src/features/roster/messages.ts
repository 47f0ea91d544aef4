import type { Widen } from '../../i18n/types.ts';

/** `m.import` (Japanese, the source). */
export const importJa = {
  title: '名簿の取り込み',
  intro: 'Excel で作った CSV ファイルを取り込みます。まず内容を確認し、問題がなければ反映します。確認の段階では何も変わりません。',
  what: '取り込むもの',
  members: '組合員名簿',
  units: '組織(支部・職場)',
  file: 'CSV ファイル',
  membersHint: '見出し行に「社員番号」「氏名」「所属」が必要です。Shift_JIS でも UTF-8 でもかまいません。',
  unitsHint: '見出し行に「コード」「名称」が必要です(「親コード」「種別」は任意)。',
  check: '内容を確認する',
  checking: '確認中…',
  reportTitle: '確認結果',
  encoding: '文字コード',
  encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8(BOM 付き)', shift_jis: 'Shift_JIS' },
  totalRows: 'データの行数',
  toCreate: '新しく登録',
  toUpdate: '変更',
  unchanged: '変更なし',
  clean: '問題は見つかりませんでした。「反映する」を押すと登録されます。',
  problemsTitle: '問題のある行: {n}件',
  problemsTitleShort: '問題のある行',
  problemsHint: 'ファイルを直してから、もう一度取り込んでください。問題が残っているあいだは反映できません。',
  line: '行',
  lineN: '{n}行目',
  reason: '内容',
  warningsTitle: '注意',
  missingTitle: 'ファイルにない組合員: {n}人',
  missingHint: 'この人たちは名簿から削除されません。脱退などは各組合員の画面で変更してください。',
  apply: '反映する',
  another: '別のファイルを取り込む',
  doneTitle: '取り込みました',
  doneBody: '新規 {created}件、変更 {updated}件を反映しました。',
  toCards: 'ログインカードを印刷する',
  unknownProblem: 'この行に問題があります({code})。',
} as const;

export const importEn: Widen<typeof importJa> = {
  title: 'Import the roster',
  intro: 'Import a CSV file saved from Excel. First check it; apply it only if it is clean. Checking changes nothing.',
  what: 'What to import',
  members: 'Members',
  units: 'Branches and workplaces',
  file: 'CSV file',
  membersHint: 'The header row needs employee number, name and unit. Shift_JIS or UTF-8 are both fine.',
  unitsHint: 'The header row needs code and name (parent code and kind are optional).',
  check: 'Check the file',
  checking: 'Checking…',
  reportTitle: 'Check result',
  encoding: 'Encoding',
  encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (with BOM)', shift_jis: 'Shift_JIS' },
  totalRows: 'Data rows',
  toCreate: 'New',
  toUpdate: 'Changed',
  unchanged: 'Unchanged',
  clean: 'No problems found. Press "Apply" to save.',
  problemsTitle: 'Rows with problems: {n}',
  problemsTitleShort: 'Rows with problems',
  problemsHint: 'Fix the file and import it again. It cannot be applied while problems remain.',
  line: 'Line',
  lineN: 'Line {n}',
  reason: 'Problem',
  warningsTitle: 'Warnings',
  missingTitle: 'Members not in the file: {n}',
  missingHint: 'They are not deleted. Change their status (e.g. left) on each member\u2019s page.',
  apply: 'Apply',
  another: 'Import another file',
  doneTitle: 'Imported',
  doneBody: 'Created {created}, updated {updated}.',
  toCards: 'Print login cards',
  unknownProblem: 'There is a problem on this line ({code}).',
};

/** `m.importFields` (Japanese, the source). */
export const importFieldsJa = {
  employeeNumber: '社員番号',
  name: '氏名',
  kana: 'フリガナ',
  unit: '所属',
  memberClass: '組合員区分',
  status: '状態',
  joinedOn: '加入日',
  email: 'メール',
  phone: '電話',
  code: 'コード',
  parent: '親コード',
  kind: '種別',
} as const;

export const importFieldsEn: Widen<typeof importFieldsJa> = {
  employeeNumber: 'employee number',
  name: 'name',
  kana: 'kana',
  unit: 'unit',
  memberClass: 'member class',
  status: 'status',
  joinedOn: 'joined on',
  email: 'e-mail',
  phone: 'phone',
  code: 'code',
  parent: 'parent code',
  kind: 'kind',
};

/** `m.importProblems` (Japanese, the source). */
export const importProblemsJa = {
  csv_empty: 'ファイルにデータがありません。',
  csv_malformed: 'CSV として読み取れません(引用符の閉じ忘れなど)。',
  csv_missing_columns: '必要な列がありません: {value}',
  wrong_column_count: '列の数が見出しと合いません(見出しは{expected}列、この行は{actual}列)。',
  missing_name: '名前が空です。',
  too_long: '「{field}」が長すぎます。',
  unit_out_of_scope: 'あなたが担当していない組織です: {value}',
  missing_employee_number: '社員番号が空です。',
  duplicate_employee_number: '社員番号 {value} が重複しています。',
  missing_unit: '所属が空です。',
  unknown_unit: '所属「{value}」が見つかりません。先に組織を登録してください。',
  ambiguous_unit: '所属「{value}」という名前の組織が複数あります。コードで指定してください。',
  member_out_of_scope: '社員番号 {value} の人は、あなたが担当していない組織に所属しています。',
  member_holds_higher_role: '社員番号 {value} の人は、あなたが付与できない役割を持っているため、変更できません。付与できる役員に依頼してください。',
  bad_date: '日付「{value}」を読み取れません(例: 2024/4/1)。',
  bad_status: '状態「{value}」がわかりません(在籍・休職・脱退のいずれか)。',
  bad_email: 'メールアドレス「{value}」の形が正しくありません。',
  missing_code: 'コードが空です。',
  duplicate_code: 'コード {value} が重複しています。',
  unknown_parent: '親コード「{value}」の組織が見つかりません。',
  bad_kind: '種別「{value}」がわかりません(支部・職場・分会・班のいずれか)。',
  archived_unit: '組織「{value}」は廃止されています。',
  unit_cycle: '組織「{value}」を自分の下の組織に移すことになります。',
} as const;

export const importProblemsEn: Widen<typeof importProblemsJa> = {
  csv_empty: 'The file has no data.',
  csv_malformed: 'The file cannot be read as CSV (an unclosed quote?).',
  csv_missing_columns: 'Required columns are missing: {value}',
  wrong_column_count: 'The number of columns does not match the header ({expected} in the header, {actual} on this line).',
  missing_name: 'The name is empty.',
  too_long: 'The {field} is too long.',
  unit_out_of_scope: 'This unit is outside your area: {value}',
  missing_employee_number: 'The employee number is empty.',
  duplicate_employee_number: 'Employee number {value} appears more than once.',
  missing_unit: 'The unit is empty.',
  unknown_unit: 'No unit called "{value}". Create the unit first.',
  ambiguous_unit: 'More than one unit is called "{value}". Use its code instead.',
  member_out_of_scope: 'The member with employee number {value} belongs to a unit outside your area.',
  member_holds_higher_role: 'The member with employee number {value} holds a role you cannot give, so you cannot change them. Ask an officer who can.',
  bad_date: 'Cannot read the date "{value}" (e.g. 2024/4/1).',
  bad_status: 'Unknown status "{value}" (active, on leave or left).',
  bad_email: 'The e-mail address "{value}" is not valid.',
  missing_code: 'The code is empty.',
  duplicate_code: 'Code {value} appears more than once.',
  unknown_parent: 'No unit with the parent code "{value}".',
  bad_kind: 'Unknown kind "{value}" (branch, workplace or group).',
  archived_unit: 'The unit "{value}" has been archived.',
  unit_cycle: 'This would put the unit "{value}" under itself.',
};

/** `m.importWarnings` (Japanese, the source). */
export const importWarningsJa = {
  leading_zeros_stripped: '社員番号 {value} は、Excel が先頭の 0 を消した可能性があります。セルを「文字列」にして保存し直してください。',
  unknown_columns: '使わない列があります: {value}',
  duplicate_column: '同じ見出しの列が2つあります: {value}',
} as const;

export const importWarningsEn: Widen<typeof importWarningsJa> = {
  leading_zeros_stripped: 'Excel may have removed leading zeros from employee number {value}. Format the column as text and save again.',
  unknown_columns: 'Some columns are not used: {value}',
  duplicate_column: 'Two columns have the same header: {value}',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages {
    import: Widen<typeof importJa>;
    importFields: Widen<typeof importFieldsJa>;
    importProblems: Widen<typeof importProblemsJa>;
    importWarnings: Widen<typeof importWarningsJa>;
  }
}
