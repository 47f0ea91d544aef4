import type { ConsultationDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText } from '../../ui/files.ts';
import { consultationFileUrl } from './consultations-api.ts';

/** What the member wrote and attached (files open from the server: they are kept encrypted there, never on other devices). */
export function CaseBody({ c, heading }: { c: Pick<ConsultationDoc, 'text' | 'attachments'>; heading: string }) {
  const { m } = useI18n();
  const t = m.consultations;
  const files = c.attachments ?? [];
  return (
    <section className="stack" aria-labelledby="consultation-text-title">
      <h2 id="consultation-text-title">{heading}</h2>
      <p className="consultation-text" data-testid="consultation-case-text">
        {c.text}
      </p>
      {files.length > 0 ? (
        <>
          <h3>{t.attachments}</h3>
          <ul className="plain-list stack">
            {files.map((f) => (
              <li key={f.id}>
                <a className="text-link" href={consultationFileUrl(f.id)} target="_blank" rel="noopener" data-testid="consultation-attachment">
                  {format(t.openFile, { name: f.name })}
                </a>{' '}
                <span className="muted">({sizeText(f.size)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
