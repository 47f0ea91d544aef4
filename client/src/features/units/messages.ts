import type { Widen } from '../../i18n/types.ts';

/** `m.units` (Japanese, the source). */
export const unitsJa = {
  title: '組織(支部・職場)',
  intro: '組合の下に支部、支部の下に職場(分会)や班を作れます。',
  manage: '変更',
  addChild: 'この下に組織を作る',
  name: '名称',
  kind: '種別',
  kinds: { union: '組合', branch: '支部', workplace: '職場・分会', group: '班' },
  code: 'コード(任意)',
  codeHint: '名簿の「所属」欄で使う短い記号です。',
  create: '作る',
  rename: '名称を変える',
  renameSave: '名称を保存する',
  moveTo: '移動先(上の組織)',
  moveSave: '移動する',
  archive: '廃止する',
  archiveHint: '組合員がいない組織だけ廃止できます。',
} as const;

export const unitsEn: Widen<typeof unitsJa> = {
  title: 'Branches and workplaces',
  intro: 'Under the union: branches; under a branch: workplaces and groups.',
  manage: 'Change',
  addChild: 'Create a unit below this one',
  name: 'Name',
  kind: 'Kind',
  kinds: { union: 'Union', branch: 'Branch', workplace: 'Workplace', group: 'Group' },
  code: 'Code (optional)',
  codeHint: 'A short code used in the roster\u2019s unit column.',
  create: 'Create',
  rename: 'New name',
  renameSave: 'Save name',
  moveTo: 'Move under',
  moveSave: 'Move',
  archive: 'Archive',
  archiveHint: 'Only a unit with no members can be archived.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { units: Widen<typeof unitsJa> }
}
