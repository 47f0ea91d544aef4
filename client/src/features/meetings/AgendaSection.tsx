import type { DocumentDoc, EventDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { docJson, useLiveQuery } from '../../sync/live-query.ts';
import { pickText } from '../../ui/content-language.ts';
import { AttachmentItem } from '../notices/index.ts';
import { cachedMaterial } from './materials.ts';

type AgendaItem = NonNullable<EventDoc['agenda']>[number];
type Material = AgendaItem['materials'][number];
type Decision = NonNullable<EventDoc['decisions']>[string];

/** A library document used as a material: a link to its page (it opens offline when the library keeps it). */
function LibraryMaterial({ documentId }: { documentId: string }) {
  const { m, lang } = useI18n();
  const doc = useLiveQuery((db) => db.documents.findOne(documentId), docJson<DocumentDoc>, [documentId]);
  const title = doc ? pickText(doc.title, doc.titleEn, lang) : null;
  return (
    <li>
      <Link to="/documents/$documentId" params={{ documentId }} className="text-link" data-testid="meeting-material-document">
        {title ? format(m.meetings.libraryDocument, { title: title.text }) : m.meetings.libraryDocumentUntitled}
      </Link>
    </li>
  );
}

function MaterialItem({ material, memberId }: { material: Material; memberId: string }) {
  if ('file' in material) return <AttachmentItem memberId={memberId} file={material.file} deviceCopy={(hash) => cachedMaterial(memberId, hash)} />;
  return <LibraryMaterial documentId={material.documentId} />;
}

function DecisionText({ decision }: { decision: Decision }) {
  const { m } = useI18n();
  const t = m.meetings;
  const counted = decision.for !== undefined || decision.against !== undefined || decision.abstain !== undefined;
  return (
    <div className="stack" data-testid="meeting-decision" data-outcome={decision.outcome}>
      <p>
        <strong>{t.decision}: </strong>
        {t.outcomes[decision.outcome]}
      </p>
      {counted ? <p>{format(t.counts, { for: decision.for ?? 0, against: decision.against ?? 0, abstain: decision.abstain ?? 0 })}</p> : null}
      {decision.note ? <p className="meeting-text">{decision.note}</p> : null}
    </div>
  );
}

/** The agenda, each item with its materials (opening from the device's copy, offline too) and its decision once recorded. */
export function AgendaSection({ meeting, memberId }: { meeting: EventDoc; memberId: string }) {
  const { m, lang } = useI18n();
  const t = m.meetings;
  const agenda = meeting.agenda ?? [];
  return (
    <section className="stack" aria-labelledby="meeting-agenda-title" data-testid="meeting-agenda">
      <h2 id="meeting-agenda-title">{t.agenda}</h2>
      {agenda.length === 0 ? <p>{t.noAgenda}</p> : null}
      <ol className="plain-list stack">
        {agenda.map((item, index) => {
          const title = pickText(item.title, item.titleEn, lang);
          const description = item.description ? pickText(item.description, item.descriptionEn, lang) : null;
          const decision = meeting.decisions?.[item.id];
          return (
            <li key={item.id} className="stack meeting-agenda-item" data-testid="meeting-agenda-item" aria-labelledby={`agenda-${item.id}`}>
              <h3 id={`agenda-${item.id}`} lang={title.lang}>
                {index + 1}. {title.text}
              </h3>
              {description ? (
                <p className="meeting-text" lang={description.lang}>
                  {description.text}
                </p>
              ) : null}
              {item.materials.length > 0 ? (
                <ul className="plain-list stack" aria-label={`${t.materials}: ${title.text}`}>
                  {item.materials.map((material, i) => (
                    <MaterialItem key={'file' in material ? material.file.hash : `${material.documentId}-${i}`} material={material} memberId={memberId} />
                  ))}
                </ul>
              ) : null}
              {decision ? <DecisionText decision={decision} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
