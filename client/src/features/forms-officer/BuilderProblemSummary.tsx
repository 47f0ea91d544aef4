import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { BuilderProblems } from './builder-state.ts';

/** Everything to correct before saving, in one announced list at the top (each item is also shown at its field). */
export function BuilderProblemSummary({ problems }: { problems: BuilderProblems }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const lines: { key: string; text: string; code: string }[] = [];
  if (problems.title) lines.push({ key: 'title', text: t.titleMissing, code: 'title_missing' });
  if (problems.audience) lines.push({ key: 'audience', text: t.audienceNone, code: 'audience_missing' });
  if (problems.closesBeforeOpens) lines.push({ key: 'closes', text: t.closesBeforeOpens, code: 'closes_before_opens' });
  for (const p of problems.fields) {
    const text = p.index < 0 ? t.problems[p.code] : format(t.problemAt, { n: p.index + 1, problem: t.problems[p.code] });
    lines.push({ key: `${p.field}-${p.code}`, text, code: p.code });
  }
  return (
    <div className="notice notice-error" role="alert" data-testid="builder-problems">
      <p className="field-label">{t.problemsTitle}</p>
      <ul className="builder-problems">
        {lines.map((l) => (
          <li key={l.key} data-code={l.code}>
            {l.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
