import type { ElectionDetail } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Who has done which step (key steps; after the tally, who has sent their decryption). */
export function TrusteeProgressList({ detail, me }: { detail: ElectionDetail; me?: number | null }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const counting = detail.state === 'tallying' || detail.state === 'tallied' || detail.state === 'published';
  return (
    <ul className="row-list" data-testid="trustee-progress" aria-label={t.progress}>
      {detail.trustees.map((x) => (
        <li key={x.memberId} className="election-wrap" data-testid="trustee-progress-row" data-step={x.step} data-decrypted={x.decrypted}>
          {x.index}. {x.name}
          {me === x.index ? ` ${t.you}` : ''} — {t.trusteeStep[x.step]}
          {counting ? ` · ${x.decrypted ? t.decrypted : t.notDecrypted}` : ''}
        </li>
      ))}
    </ul>
  );
}
