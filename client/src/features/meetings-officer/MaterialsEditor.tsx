import type { Attachment, DocumentDoc } from '@kumiai/shared';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';
import { AttachmentPicker } from '../notices/index.ts';
import type { Material } from './meeting-form.ts';

interface Props {
  value: readonly Material[];
  onChange: (next: Material[]) => void;
  onBusy: (busy: boolean) => void;
  index: number;
}

const noDocuments: DocumentDoc[] = [];

/** An agenda item's materials: documents of the library (on this device) or files uploaded as notices' attachments are. */
export function MaterialsEditor({ value, onChange, onBusy, index }: Props) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const id = useId();
  const documents = useLiveQuery((db) => db.documents.find({ selector: { kind: 'document' } }), docsJson, []) ?? noDocuments;
  const [picked, setPicked] = useState('');
  const titleOf = new Map(documents.map((d) => [d.id, d.title]));
  const docs = value.flatMap((x) => ('documentId' in x ? [x] : []));
  const files = value.flatMap((x) => ('file' in x ? [x.file] : []));
  const setFiles = (next: Attachment[]) => onChange([...docs, ...next.map((file) => ({ file }))]);
  const available = documents.filter((d) => !docs.some((x) => x.documentId === d.id)).sort((a, b) => a.title.localeCompare(b.title, 'ja'));
  return (
    <fieldset className="check-list stack" data-testid="materials-editor" data-item={index}>
      <legend className="field-label">{t.materials}</legend>
      {docs.length > 0 ? (
        <ul className="plain-list" data-testid="materials-documents">
          {docs.map((x) => {
            const name = titleOf.get(x.documentId) ?? t.unknownDocument;
            return (
              <li key={x.documentId} className="row-with-action meeting-wrap">
                <span>{name}</span>
                <button type="button" className="button button-small" onClick={() => onChange(value.filter((y) => !('documentId' in y) || y.documentId !== x.documentId))}>
                  {format(t.removeMaterial, { name })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {available.length > 0 ? (
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {t.fromLibrary}
          </label>
          <div className="button-row">
            <select id={id} className="text-input" value={picked} onChange={(e) => setPicked(e.target.value)} data-testid="material-document">
              <option value="">{t.libraryNone}</option>
              {available.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={!picked}
              onClick={() => {
                onChange([...value, { documentId: picked }]);
                setPicked('');
              }}
              data-testid="material-document-add"
            >
              {t.addDocument}
            </button>
          </div>
        </div>
      ) : null}
      <AttachmentPicker value={files} onChange={setFiles} onBusy={onBusy} />
    </fieldset>
  );
}
