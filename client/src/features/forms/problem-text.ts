import type { FieldProblemCode, FormField } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/types.ts';

/** A field's problem in plain words, with the field's own limits filled in ("choose at most 2", "from 1 to 5"). */
export function problemText(field: FormField | undefined, code: FieldProblemCode, m: Messages['forms']): string {
  const p = m.problems;
  switch (code) {
    case 'too_many':
      return format(p.too_many, { max: field?.max ?? 1 });
    case 'too_long':
      return format(p.too_long, { max: field?.maxLength ?? (field?.type === 'short_text' ? 200 : 4000) });
    case 'out_of_range': {
      const min = field?.min ?? (field?.type === 'scale' ? 1 : undefined);
      const max = field?.max ?? (field?.type === 'scale' ? 5 : undefined);
      if (min !== undefined && max !== undefined) return format(p.outOfRangeBetween, { min, max });
      if (min !== undefined) return format(p.outOfRangeMin, { min });
      if (max !== undefined) return format(p.outOfRangeMax, { max });
      return p.out_of_range;
    }
    case 'required':
    case 'not_an_option':
    case 'bad_date':
    case 'bad_number':
    case 'wrong_type':
    case 'unknown_field':
    case 'hidden_field_answered':
      return p[code];
  }
}
