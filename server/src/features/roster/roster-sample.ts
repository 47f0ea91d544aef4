import iconv from 'iconv-lite';
import { toExcelCsv } from '../../lib/csv-export.ts';
import type { MemberRow, UnitRow } from './roster-repo.ts';
import { scopeOf, unitKey, UnitTree } from './unit-tree.ts';

export type SampleEncoding = 'utf-8' | 'shift_jis';

/** The header the import reads first (ROSTER_HEADERS' Japanese names), in Excel's column order. */
const HEADER = ['社員番号', '氏名', 'フリガナ', '所属', '組合員区分', '状態', '加入日', 'メール', '電話'];

/**
 * A sample roster in exactly the format the import accepts, made for this
 * union and this officer: its rows name units in the officer's import scope
 * (workplaces first, by code where they have one) and employee numbers nobody
 * holds, so a dry run of the sample as downloaded reports no problem. UTF-8
 * with a BOM (Excel opens it with Japanese intact) or Shift_JIS (older Excel).
 */
export function sampleRoster(units: readonly UnitRow[], members: readonly MemberRow[], scopeRootUnitIds: readonly string[] | undefined, encoding: SampleEncoding): Buffer {
  const tree = new UnitTree(units);
  const inScope = scopeOf(tree, scopeRootUnitIds);
  const live = units.filter((u) => u.archived_at === null && inScope(u.id));
  const hasChildren = new Set(live.map((u) => u.parent_id));
  // A unit cell the import resolves to exactly this unit: its code, else its name if no other live unit has it.
  const cell = (u: UnitRow) => (u.code !== null ? u.code : 'unit' in tree.resolve(u.name) ? unitKey(u.name) : null);
  const refs = [...live.filter((u) => !hasChildren.has(u.id)), ...live.filter((u) => hasChildren.has(u.id))].map(cell).filter((c): c is string => c !== null);
  const unitA = refs[0] ?? '';
  const unitB = refs[1] ?? unitA;
  const taken = new Set(members.map((m) => m.employee_number));
  let next = 900101;
  const number = () => {
    while (taken.has(String(next))) next += 1;
    taken.add(String(next));
    return String(next);
  };
  const rows = [
    [number(), '見本 太郎', 'ミホン タロウ', unitA, '正組合員', '在籍', '2024/04/01', 'taro.mihon@example.jp', '090-0000-0001'],
    [number(), '見本 花子', 'ミホン ハナコ', unitB, '正組合員', '在籍', '2023/10/01', '', ''],
    [number(), '見本 次郎', 'ミホン ジロウ', unitA, '正組合員', '休職', '2019/04/01', '', '03-0000-0002'],
  ];
  const utf8 = toExcelCsv(HEADER, rows);
  return encoding === 'utf-8' ? utf8 : iconv.encode(utf8.subarray(3).toString('utf8'), 'Shift_JIS');
}
