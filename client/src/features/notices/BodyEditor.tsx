import { useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { NoticeMarkdown } from './NoticeMarkdown.tsx';

/** The notice's Markdown with a preview through the same sanitised renderer the readers get. */
export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { m } = useI18n();
  const id = useId();
  const [preview, setPreview] = useState(false);
  return (
    <div className="field stack">
      <div className="button-row" role="group" aria-label={m.notices.body}>
        <button type="button" className="button button-small" aria-pressed={!preview} onClick={() => setPreview(false)} data-testid="notice-tab-write">
          {m.notices.write}
        </button>
        <button type="button" className="button button-small" aria-pressed={preview} onClick={() => setPreview(true)} data-testid="notice-tab-preview">
          {m.notices.preview}
        </button>
      </div>
      {preview ? (
        <div className="notice-preview" data-testid="notice-preview">
          {value.trim() ? <NoticeMarkdown text={value} /> : <p className="muted">{m.notices.previewEmpty}</p>}
        </div>
      ) : (
        <>
          <label className="field-label" htmlFor={id}>
            {m.notices.body}
          </label>
          <p className="field-hint" id={`${id}-hint`}>
            {m.notices.bodyHint}
          </p>
          <textarea
            id={id}
            className="text-input notice-textarea"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            rows={10}
            maxLength={100_000}
            aria-describedby={`${id}-hint`}
            data-testid="notice-body-input"
          />
        </>
      )}
    </div>
  );
}
