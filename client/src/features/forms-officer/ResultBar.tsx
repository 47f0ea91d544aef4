import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { Bar } from './results-bars.ts';

/**
 * One horizontal bar with its label and figures as text. The drawing itself
 * is hidden from screen readers: the text beside it (and the chart's table)
 * says the same.
 */
export function ResultBar({ bar, testId }: { bar: Bar; testId: string }) {
  const { m } = useI18n();
  return (
    <li>
      <span className="result-bar-label">
        <span>{bar.label}</span>
        <span className="result-figure">
          <span data-testid={testId} data-pct={bar.pct}>
            {bar.count}
          </span>
          {format(m.formsOfficer.barSuffix, { pct: `${bar.pct}%` })}
        </span>
      </span>
      <svg className="result-bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="result-bar-fill" x="0" y="0" width={bar.pct} height="10" />
      </svg>
    </li>
  );
}
