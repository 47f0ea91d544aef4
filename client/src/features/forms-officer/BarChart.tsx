import { useI18n } from '../../i18n/use-i18n.ts';
import { ResultBar } from './ResultBar.tsx';
import type { Bar } from './results-bars.ts';

interface Props {
  bars: readonly Bar[];
  /** Bars get `data-testid="<testPrefix>-<bar.key>"`. */
  testPrefix: string;
  /** Names the chart for screen readers (the table's caption). */
  caption: string;
  /** Column heading for the bars' labels: option, value or unit. */
  labelHeader: string;
  /** Leave out the screen-reader table when a visible table beside the chart already says it all. */
  withTable?: boolean;
}

/**
 * Horizontal bars drawn for the eye, and the same figures as a table for
 * screen readers (the drawing is hidden from them, so nothing is read twice).
 */
export function BarChart({ bars, testPrefix, caption, labelHeader, withTable = true }: Props) {
  const { m } = useI18n();
  return (
    <div>
      <ul className="result-chart" aria-hidden="true">
        {bars.map((bar) => (
          <ResultBar key={bar.key} bar={bar} testId={`${testPrefix}-${bar.key}`} />
        ))}
      </ul>
      {/* The wrapper clips: a table does not shrink to the 1-pixel box itself. */}
      {withTable ? (
        <div className="visually-hidden">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{m.formsOfficer.countColumn}</th>
                <th scope="col">{m.formsOfficer.shareColumn}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.count}</td>
                  <td>{bar.pct}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
