import type { ConsultationDoc } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AttachmentLinks } from './AttachmentLinks.tsx';

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
          <AttachmentLinks files={files} />
        </>
      ) : null}
    </section>
  );
}
