import type { MemberDoc, UnitDoc } from '@kumiai/shared';

/**
 * The generated union, identical for every server: a root, branches of ten
 * workplaces each, one branch (`b-rev`) holding the members whose visibility
 * the revocation scenario removes, an admin at the root and an officer of
 * `b-rev` who sits in another branch (so that after the revocation they see
 * exactly their own record). Member documents are about 0.5 KB of JSON, with
 * realistic Japanese names, kana, classes and contact details.
 */

export interface Layout {
  /** Member documents in total (the initial-sync size). */
  docs: number;
  /** Members in the branch the officer loses (the revocation size). */
  revoke: number;
}

export const ADMIN_ID = 'm-admin';
export const OFFICER_ID = 'm-officer';
export const WRITER_ID = 'm-0000002';
export const OFFICER_GRANT_ID = 'grant-officer-b-rev';
export const REVOKE_BRANCH = 'b-rev';
const OTHER_BRANCHES = 9;
const WORKPLACES = 10;

const SURNAMES: [string, string][] = [
  ['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'], ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'], ['吉田', 'ヨシダ'], ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'], ['山口', 'ヤマグチ'], ['松本', 'マツモト'], ['井上', 'イノウエ'], ['木村', 'キムラ'], ['長谷川', 'ハセガワ'],
];
const GIVEN: [string, string][] = [
  ['太郎', 'タロウ'], ['花子', 'ハナコ'], ['健一', 'ケンイチ'], ['美咲', 'ミサキ'], ['大輔', 'ダイスケ'], ['陽菜', 'ヒナ'],
  ['翔太', 'ショウタ'], ['由美子', 'ユミコ'], ['誠', 'マコト'], ['恵美', 'エミ'], ['和也', 'カズヤ'], ['千尋', 'チヒロ'],
];
const ROMAJI_SURNAMES = ['sato', 'suzuki', 'takahashi', 'tanaka', 'ito', 'watanabe', 'yamamoto', 'nakamura', 'kobayashi', 'kato', 'yoshida', 'yamada', 'sasaki', 'yamaguchi', 'matsumoto', 'inoue', 'kimura', 'hasegawa'];
const CLASSES = ['正組合員（正社員・フルタイム勤務・無期雇用・交替制）', '正組合員（契約社員・フルタイム勤務・有期雇用・日勤）', '準組合員（パートタイム勤務・短時間・有期雇用・週四日）', '正組合員（嘱託・再雇用・フルタイム勤務・定年後継続）'];
const PREFECTURES = ['東京都千代田区', '大阪府大阪市北区', '愛知県名古屋市中区', '福岡県福岡市博多区', '北海道札幌市中央区', '宮城県仙台市青葉区'];

export const units = (): UnitDoc[] => {
  const list: UnitDoc[] = [{ id: 'u-root', parentId: null, name: '全国ベンチマーク労働組合', kind: 'union', code: 'ROOT', archived: false }];
  const branch = (id: string, name: string, code: string) => {
    list.push({ id, parentId: 'u-root', name, kind: 'branch', code, archived: false });
    for (let w = 0; w < WORKPLACES; w++) list.push({ id: `${id}-w${w}`, parentId: id, name: `${name}第${w + 1}職場`, kind: 'workplace', code: `${code}W${w}`, archived: false });
  };
  branch(REVOKE_BRANCH, '東日本支部', 'BREV');
  for (let b = 0; b < OTHER_BRANCHES; b++) branch(`b-${b}`, `${PREFECTURES[b % PREFECTURES.length]!.slice(0, 3)}第${b + 1}支部`, `B${b}`);
  return list;
};

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Member number i (0-based) of a layout; deterministic. */
export function member(layout: Layout, i: number): MemberDoc {
  const id = i === 0 ? ADMIN_ID : i === 1 ? OFFICER_ID : `m-${String(i).padStart(7, '0')}`;
  // The last `revoke` members sit in the revocation branch; the others (with the admin and the officer) elsewhere.
  const inRevoke = i >= layout.docs - layout.revoke && i > 1;
  const unitId = i === 0 ? 'u-root' : inRevoke ? `${REVOKE_BRANCH}-w${i % WORKPLACES}` : `b-${i % OTHER_BRANCHES}-w${Math.floor(i / OTHER_BRANCHES) % WORKPLACES}`;
  const [sur, surKana] = pick(SURNAMES, i * 7);
  const [given, givenKana] = pick(GIVEN, i * 13 + 3);
  const [maiden, maidenKana] = pick(SURNAMES, i * 5 + 11);
  const romaji = pick(ROMAJI_SURNAMES, i * 7);
  const n = String(i).padStart(7, '0');
  return {
    id,
    employeeNumber: `E${n}`,
    name: `${sur} ${given}（旧姓：${maiden}）${pick(PREFECTURES, i)}在住・${pick(['製造', '物流', '営業', '総務', '保守'], i)}部門所属`,
    nameKana: `${surKana} ${givenKana}（キュウセイ：${maidenKana}）`,
    unitId,
    memberClass: pick(CLASSES, i),
    status: i % 53 === 0 ? 'on_leave' : 'active',
    email: `${romaji}.${n}@members.zenkoku-bench-roudou-kumiai.example.or.jp`,
    phone: `+81 90-${n.slice(0, 4)}-${n.slice(3, 7)}`,
    preferredLanguage: i % 17 === 0 ? 'en' : 'ja',
    updatedAt: 1_767_225_600_000 + i,
  };
}

export function* members(layout: Layout): Generator<MemberDoc> {
  for (let i = 0; i < layout.docs; i++) yield member(layout, i);
}

/** A document for the write scenario (the bench-only `notes` collection): about 0.5 KB too. */
export interface NoteDoc {
  id: string;
  author: string;
  body: string;
  updatedAt: number;
}

export const noteSchema = {
  title: 'notes',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'author', 'body', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    author: { type: 'string', maxLength: 64 },
    body: { type: 'string', maxLength: 400 },
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
} as const;

export function note(round: number, i: number): NoteDoc {
  return {
    id: `n-${round}-${String(i).padStart(6, '0')}`,
    author: WRITER_ID,
    body: `第${round}回職場集会の記録 ${i}：残業時間の上限と休憩室の改善について組合員から意見を聞き取った。次回の団体交渉で取り上げる要求事項として、夜勤手当の引き上げ、有給休暇の取得促進、ハラスメント相談窓口の周知を整理した。安全衛生委員会への報告事項と、来月の学習会の日程も確認した。`,
    updatedAt: 1_767_225_600_000 + i,
  };
}

/** The size in bytes of a document's JSON, for the README's "about 0.5 KB". */
export const jsonBytes = (doc: unknown): number => Buffer.byteLength(JSON.stringify(doc));
