import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { RowFix } from './checkoff-report.ts';

/** The corrections made so far, each one undoable. */
export function FixList({ fixes, onRemove }: { fixes: readonly RowFix[]; onRemove: (line: number) => void }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  if (fixes.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="checkoff-fixes-title" data-testid="checkoff-fixes">
      <h3 id="checkoff-fixes-title">{t.fixesTitle}</h3>
      <ul className="row-list">
        {fixes.map((fix) => {
          const what = [
            fix.employeeNumber ? format(t.fixWhatNumber, { value: fix.employeeNumber }) : null,
            fix.amount ? format(t.fixWhatAmount, { value: fix.amount }) : null,
          ].filter(Boolean);
          return (
            <li key={fix.line} className="row-item row-with-action">
              <span className="dues-break">{format(t.fixItem, { line: fix.line, what: what.join(', ') })}</span>
              <button type="button" className="button button-small" onClick={() => onRemove(fix.line)}>
                {format(t.fixRemove, { line: fix.line })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
