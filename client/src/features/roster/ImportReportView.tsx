import { useEffect, useRef } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { ImportKind, ImportReport } from './import-api.ts';
import { describe } from './problem-text.ts';

interface Props {
  what: ImportKind;
  report: ImportReport;
  busy: boolean;
  onApply: () => void;
  onRestart: () => void;
}

/** The dry run: what would change, every bad row with its line, warnings, and who is missing from the file. */
export function ImportReportView({ what, report, busy, onApply, onRestart }: Props) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const clean = report.problems.length === 0;
  const missing = report.missing ?? [];
  return (
    <div className="stack" data-testid="import-report" data-problems={report.problems.length}>
      <h2 ref={heading} tabIndex={-1}>
        {m.import.reportTitle}
      </h2>
      <dl className="facts">
        <dt>{m.import.encoding}</dt>
        <dd>{m.import.encodings[report.encoding as keyof typeof m.import.encodings] ?? report.encoding}</dd>
        <dt>{m.import.totalRows}</dt>
        <dd>{report.totalRows}</dd>
        <dt>{m.import.toCreate}</dt>
        <dd data-testid="import-to-create">{report.toCreate}</dd>
        <dt>{m.import.toUpdate}</dt>
        <dd data-testid="import-to-update">{report.toUpdate}</dd>
        <dt>{m.import.unchanged}</dt>
        <dd>{report.unchanged}</dd>
      </dl>
      {clean ? (
        <p className="notice notice-success" data-testid="import-clean">
          {m.import.clean}
        </p>
      ) : (
        <div className="stack">
          <h3>{format(m.import.problemsTitle, { n: report.problems.length })}</h3>
          <p>{m.import.problemsHint}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={m.import.problemsTitleShort}>
            <table className="report-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">{m.import.line}</th>
                  <th scope="col">{m.import.reason}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i} data-code={p.code}>
                    <td>{p.line}</td>
                    <td>{describe(m, p, 'problems')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report.warnings.length > 0 ? (
        <div className="stack">
          <h3>{m.import.warningsTitle}</h3>
          <ul className="plain-list" data-testid="import-warnings">
            {report.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                {w.line ? `${format(m.import.lineN, { n: w.line })}: ` : ''}
                {describe(m, w, 'warnings')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {what === 'members' && missing.length > 0 ? (
        <div className="stack">
          <h3>{format(m.import.missingTitle, { n: missing.length })}</h3>
          <p>{m.import.missingHint}</p>
          <ul className="plain-list" data-testid="import-missing">
            {missing.map((member) => (
              <li key={member.employeeNumber}>
                {member.employeeNumber} {member.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="button-row">
        {clean ? (
          <button type="button" className="button button-primary" onClick={onApply} disabled={busy} aria-busy={busy} data-testid="import-apply">
            {busy ? m.common.sending : m.import.apply}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onRestart} data-testid="import-restart">
          {m.import.another}
        </button>
      </div>
    </div>
  );
}
