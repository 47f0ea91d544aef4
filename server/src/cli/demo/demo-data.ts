/** The demo union's people and places (fictional). Picked by a seeded generator, so every run is the same. */

export const DEMO_UNION_NAME = 'さくら交通労働組合（デモ）';

/** Code, name, parent code (empty: under the union, 本部), kind: as the units import reads them. */
export const DEMO_UNITS: readonly [code: string, name: string, parent: string, kind: string][] = [
  ['TKY', '東京支部', '', '支部'],
  ['TKY-HQ', '本社分会', 'TKY', '分会'],
  ['TKY-SHN', '品川営業所', 'TKY', '職場'],
  ['OSK', '大阪支部', '', '支部'],
  ['OSK-UMD', '梅田分会', 'OSK', '分会'],
  ['OSK-SKI', '堺車両基地', 'OSK', '職場'],
  ['NGY', '名古屋支部', '', '支部'],
  ['NGY-MEI', '名駅分会', 'NGY', '分会'],
];

/** The workplaces members belong to (every one has its own 職場委員). */
export const DEMO_WORKPLACES = ['TKY-HQ', 'TKY-SHN', 'OSK-UMD', 'OSK-SKI', 'NGY-MEI'] as const;

export const SURNAMES: readonly [string, string][] = [
  ['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'], ['山本', 'ヤマモト'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'], ['山田', 'ヤマダ'], ['佐々木', 'ササキ'], ['山口', 'ヤマグチ'], ['松本', 'マツモト'],
  ['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'], ['斎藤', 'サイトウ'], ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'], ['森', 'モリ'], ['池田', 'イケダ'], ['橋本', 'ハシモト'], ['阿部', 'アベ'],
];

export const GIVEN_NAMES: readonly [string, string][] = [
  ['太郎', 'タロウ'], ['花子', 'ハナコ'], ['健一', 'ケンイチ'], ['美咲', 'ミサキ'], ['大輔', 'ダイスケ'],
  ['陽子', 'ヨウコ'], ['翔太', 'ショウタ'], ['由美', 'ユミ'], ['誠', 'マコト'], ['恵子', 'ケイコ'],
  ['拓也', 'タクヤ'], ['真由美', 'マユミ'], ['浩二', 'コウジ'], ['彩', 'アヤ'], ['直樹', 'ナオキ'],
  ['裕子', 'ユウコ'], ['和也', 'カズヤ'], ['奈々', 'ナナ'], ['隆', 'タカシ'], ['千尋', 'チヒロ'],
];

export const DEMO_MEMBER_COUNT = 50;
