import type { FederationItem } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { AttachmentPicker } from '../notices/index.ts';
import { publishItem } from './federation-api.ts';
import { emptyDraft, itemInput, type ItemDraft } from './publish-input.ts';

/** The federation publishes a notice or a unified action (day, demand, participation question, suggested audience) to every linked union. */
export function PublishSection({ items, onPublished }: { items: readonly FederationItem[]; onPublished: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const [draft, setDraft] = useState<ItemDraft>(emptyDraft);
  const [missing, setMissing] = useState<'title' | 'date' | null>(null);
  const [done, setDone] = useState(false);
  const [uploading, setUploading] = useState(false);
  const { busy, error, onSubmit } = useAction();
  const set = <K extends keyof ItemDraft>(key: K) => (value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <section className="card stack" aria-labelledby="fed-publish-title" data-testid="federation-publish">
      <h2 id="fed-publish-title">{t.publishTitle}</h2>
      <form
        className="stack"
        noValidate
        onSubmit={onSubmit(async () => {
          setDone(false);
          const result = itemInput(draft);
          if ('missing' in result) return setMissing(result.missing);
          setMissing(null);
          await publishItem(result.input);
          setDraft(emptyDraft);
          setDone(true);
          onPublished();
        })}
      >
        <RadioGroup
          legend={t.kind}
          options={[
            { value: 'notice', label: t.kinds.notice },
            { value: 'action', label: t.kinds.action },
          ]}
          value={draft.kind}
          onChange={set('kind')}
          testId="federation-item-kind"
        />
        <TextField
          label={t.itemTitle}
          value={draft.title}
          onValueChange={set('title')}
          maxLength={200}
          required
          error={missing === 'title' ? m.common.required : null}
          data-testid="federation-item-title"
        />
        <TextAreaField label={t.body} value={draft.body} onValueChange={set('body')} maxLength={20_000} testId="federation-item-body" />
        {draft.kind === 'action' ? (
          <>
            <TextField
              label={t.actionDate}
              type="date"
              value={draft.actionDay}
              onValueChange={set('actionDay')}
              required
              error={missing === 'date' ? t.dateRequired : null}
              data-testid="federation-item-date"
            />
            <TextAreaField label={t.demand} value={draft.demand} onValueChange={set('demand')} maxLength={2000} testId="federation-item-demand" />
            <TextField label={t.question} value={draft.question} onValueChange={set('question')} maxLength={500} data-testid="federation-item-question" />
          </>
        ) : null}
        <AttachmentPicker value={draft.materials} onChange={set('materials')} onBusy={setUploading} />
        <RadioGroup
          legend={t.defaultAudience}
          options={(['none', 'all', 'officers'] as const).map((value) => ({ value, label: t.defaultAudiences[value] }))}
          value={draft.defaultAudience}
          onChange={set('defaultAudience')}
          testId="federation-item-audience"
        />
        <ErrorAlert code={error} testId="federation-publish-error" />
        {done ? (
          <p className="notice notice-success" role="status" data-testid="federation-published">
            {t.published}
          </p>
        ) : null}
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={busy || uploading} data-testid="federation-publish-submit">
            {t.publish}
          </button>
        </p>
      </form>
      <h3>{t.itemsTitle}</h3>
      {items.length === 0 ? (
        <p className="muted">{t.noItems}</p>
      ) : (
        <ul className="row-list" data-testid="federation-items">
          {[...items]
            .sort((a, b) => b.publishedAt - a.publishedAt)
            .map((i) => (
              <li key={i.id} className="row-item" data-testid="federation-item">
                <span className="row-title">
                  <span className="badge">{t.kinds[i.kind]}</span> {i.title}
                </span>
                <span className="muted">
                  {i.actionDate !== null ? `${t.actionDate} ${formatDate(i.actionDate, lang)} · ` : ''}
                  {formatDateTime(i.publishedAt, lang)}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
