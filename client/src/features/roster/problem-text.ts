import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/types.ts';
import type { ImportProblem, ImportWarning } from './import-api.ts';

function fieldName(m: Messages, field: string | undefined): string {
  if (!field) return '';
  return field in m.importFields ? m.importFields[field as keyof Messages['importFields']] : field;
}

/** A plain-language sentence for one problem or warning, in the member's language. */
export function describe(m: Messages, item: ImportProblem | ImportWarning, kind: 'problems' | 'warnings'): string {
  const table: Readonly<Record<string, string>> = kind === 'problems' ? m.importProblems : m.importWarnings;
  const template = table[item.code] ?? m.import.unknownProblem;
  const value =
    item.code === 'csv_missing_columns' && item.value
      ? item.value
          .split(/,\s*/)
          .map((f) => fieldName(m, f))
          .join('、')
      : (item.value ?? '');
  return format(template, {
    field: fieldName(m, item.field),
    value,
    expected: 'expected' in item ? (item.expected ?? '') : '',
    actual: 'actual' in item ? (item.actual ?? '') : '',
    code: item.code,
  });
}
