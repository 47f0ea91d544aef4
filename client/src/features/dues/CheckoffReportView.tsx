import type { CheckoffReport } from '@kumiai/shared';
import { useState, type ReactNode } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { reportGroups, type RowFix } from './checkoff-report.ts';
import { FixForm } from './FixForm.tsx';
import { formatYen } from './yen.ts';

const SHOWN = 50;

/** The dry run's report in plain words, each blocking row with a way to fix it in the app. */
export function CheckoffReportView({ report, onFix }: { report: CheckoffReport; onFix: (fix: RowFix) => void }) {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  const yen = (n: number) => formatYen(n, lang);
  const groups = reportGroups(report);
  const [fixing, setFixing] = useState<number | null>(null);
  const fixable = (line: number, text: string, employeeNumber?: string) => (
    <li key={line} className="row-item" data-testid={`checkoff-problem-${line}`}>
      <span className="dues-break">{text}</span>
      {fixing === line ? (
        <FixForm
          line={line}
          {...(employeeNumber === undefined ? {} : { employeeNumber })}
          onCancel={() => setFixing(null)}
          onSave={(fix) => {
            setFixing(null);
            onFix(fix);
          }}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-small" onClick={() => setFixing(line)} data-testid={`checkoff-fix-${line}`} aria-label={`${t.fix} (${format(t.fixTitle, { line })})`}>
            {t.fix}
          </button>
        </div>
      )}
    </li>
  );
  return (
    <section className="stack" aria-labelledby="checkoff-report-title" data-testid="checkoff-report" data-blocked={report.blocked} data-problems={groups.blocking}>
      <h2 id="checkoff-report-title">{t.reportTitle}</h2>
      <p>{format(t.reportSummary, { rows: report.rows, matched: report.matched, total: yen(report.totals.general + report.totals.strike) })}</p>
      <p className="muted dues-break">
        {format(t.reportMapping, { employeeNumber: report.mapping.employeeNumber, amount: report.mapping.amount })} · {format(t.reportEncoding, { encoding: report.encoding })}
      </p>
      {report.fixed ? <p>{format(t.fixedCount, { n: report.fixed })}</p> : null}
      <p className={report.blocked ? 'notice notice-error' : 'notice notice-success'} data-testid="checkoff-verdict">
        {report.blocked ? format(t.reportBlocked, { n: groups.blocking }) : t.reportClean}
      </p>
      <Group title={t.unmatchedTitle} count={groups.unmatched.length} id="unmatched">
        {groups.unmatched.slice(0, SHOWN).map((p) => fixable(p.line, format(t.unmatched, { line: p.line, number: p.employeeNumber ?? '' }), p.employeeNumber))}
      </Group>
      <Group title={t.duplicateTitle} count={groups.duplicate.length} id="duplicate">
        {groups.duplicate.slice(0, SHOWN).map((p) => fixable(p.line, format(t.duplicate, { line: p.line, number: p.employeeNumber ?? '', first: p.firstLine ?? '' }), p.employeeNumber))}
      </Group>
      <Group title={t.malformedTitle} count={groups.malformed.length} id="malformed">
        {groups.malformed.slice(0, SHOWN).map((p) => fixable(p.line, format(t.malformed[p.reason], { line: p.line }), p.employeeNumber))}
      </Group>
      <Group title={t.mismatchTitle} intro={t.mismatchIntro} count={groups.mismatches.length} id="mismatch">
        {groups.mismatches.slice(0, SHOWN).map((x) => (
          <li key={`${x.line}-${x.account}`} className="row-item dues-break" data-testid={`checkoff-mismatch-${x.line}`}>
            {format(t.mismatch, { line: x.line, number: x.employeeNumber, deducted: yen(x.deducted), expected: yen(x.expected) })}
            {x.ruleProblem && x.ruleProblem in t.ruleProblem ? ` ${t.ruleProblem[x.ruleProblem as keyof typeof t.ruleProblem]}` : ''}
            {x.account === 'strike' ? ` (${t.strike})` : ''}
          </li>
        ))}
      </Group>
      <Group title={t.missingTitle} intro={t.missingIntro} count={groups.missing.length} id="missing">
        {groups.missing.slice(0, SHOWN).map((x) => (
          <li key={`${x.memberId}-${x.account}`} className="row-item dues-break" data-testid={`checkoff-missing-${x.employeeNumber}`}>
            {format(t.missing, { number: x.employeeNumber, expected: yen(x.expected) })}
            {x.account === 'strike' ? ` (${t.strike})` : ''}
          </li>
        ))}
      </Group>
    </section>
  );
}

function Group({ title, intro, count, id, children }: { title: string; intro?: string; count: number; id: string; children: ReactNode }) {
  const { m } = useI18n();
  if (count === 0) return null;
  return (
    <section className="stack" aria-labelledby={`checkoff-${id}-title`} data-testid={`checkoff-group-${id}`} data-count={count}>
      <h3 id={`checkoff-${id}-title`}>
        {title} ({count})
      </h3>
      {intro ? <p className="muted">{intro}</p> : null}
      <ul className="row-list">{children}</ul>
      {count > SHOWN ? <p className="muted">{format(m.duesOfficer.more, { n: count - SHOWN })}</p> : null}
    </section>
  );
}
