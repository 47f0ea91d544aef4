import type { ConsultationDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { readersOf } from './cases.ts';

type CaseFields = Pick<ConsultationDoc, 'assignees' | 'deskLevel' | 'anonymousToWorkplace' | 'category'>;

/** Who can read a consultation, in plain words: the member and the assigned officers only (and, for a given case, who they are now). */
export function WhoCanRead({ c }: { c?: CaseFields }) {
  const { m, lang } = useI18n();
  const t = m.consultations;
  const readers = c ? readersOf(c) : null;
  return (
    <section className="notice stack" aria-labelledby="who-can-read" data-testid="consultation-readers">
      <h2 id="who-can-read">
        <span aria-hidden="true">🔒 </span>
        {t.whoTitle}
      </h2>
      <p>{t.whoAlways}</p>
      {c?.anonymousToWorkplace ? <p>{t.whoAnonymous}</p> : null}
      {readers?.kind === 'assigned' ? <p data-testid="consultation-assignees">{format(t.whoAssigned, { names: readers.names.join(lang === 'ja' ? '、' : ', ') })}</p> : null}
      {readers?.kind === 'not_yet_assigned' ? <p>{t.whoNotYet[readers.desk]}</p> : null}
    </section>
  );
}
