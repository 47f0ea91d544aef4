import type { ElectionQuestion } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** A question's rule in one plain sentence. */
export function RuleText({ question: q }: { question: ElectionQuestion }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  return (
    <p className="election-rule" data-testid="rule-text">
      {format(t.ruleSays, { threshold: t.thresholds[q.threshold], base: t.bases[q.base], tie: t.ties[q.tie] })}
    </p>
  );
}
