import type { Audience, InboxItem } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { sizeText } from '../../ui/files.ts';
import { useAction } from '../../ui/use-action.ts';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { useActor } from '../auth/index.ts';
import { releaseItem, setParticipation } from './federation-api.ts';
import { participationSource } from './participation.ts';

const noOne: Audience = { all: false, units: [], roles: [], members: [] };

/** One item from the federation: what it says; released to an audience of the union (the notices' picker); a unified action's participants. */
export function InboxItemCard({ item, onChanged }: { item: InboxItem; onChanged: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const scope = usePublishScope(useActor());
  const [audience, setAudience] = useState<Audience>(noOne);
  const [missing, setMissing] = useState(false);
  const [count, setCount] = useState(item.participation === null ? '' : String(item.participation));
  const release = useAction();
  const participation = useAction();
  const target: Audience = audience.all ? { all: true, units: [], roles: [], members: [] } : audience;
  const headingId = `fed-item-${item.id}`;
  const source = participationSource(item);
  return (
    <li className="federation-item stack" data-testid="federation-inbox-item" data-item-id={item.id}>
      <h3 id={headingId}>
        <span className="badge">{t.kinds[item.kind]}</span> {item.title}
      </h3>
      <p className="muted">{format(t.received, { date: formatDateTime(item.receivedAt, lang) })}</p>
      {item.kind === 'action' ? (
        <dl className="facts">
          {item.actionDate !== null ? (
            <>
              <dt>{t.actionDate}</dt>
              <dd>{formatDate(item.actionDate, lang)}</dd>
            </>
          ) : null}
          {item.demand ? (
            <>
              <dt>{t.demand}</dt>
              <dd className="federation-body">{item.demand}</dd>
            </>
          ) : null}
          {item.question ? (
            <>
              <dt>{t.question}</dt>
              <dd className="federation-body">{item.question}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p className="federation-body">{item.body}</p>
      {item.materials.length > 0 ? (
        <>
          <h4>{t.materials}</h4>
          <ul data-testid="federation-item-materials">
            {item.materials.map((f) => (
              <li key={f.hash}>
                {f.name} ({sizeText(f.size)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.noticeId ? (
        <p className="notice notice-success" data-testid="federation-item-released">
          {t.released}
        </p>
      ) : (
        <form
          className="stack"
          aria-label={t.releaseTitle}
          onSubmit={release.onSubmit(async () => {
            if (!target.all && target.units.length === 0 && target.roles.length === 0) return setMissing(true);
            setMissing(false);
            await releaseItem(item.id, { audience: target });
            onChanged();
          })}
        >
          <AudiencePicker value={audience} onChange={setAudience} units={scope.units} wholeUnion={scope.wholeUnion} />
          {missing ? (
            <p className="field-error" role="alert">
              {m.notices.audienceNone}
            </p>
          ) : null}
          <ErrorAlert code={release.error} testId="federation-release-error" />
          <p className="button-row">
            <button type="submit" className="button button-primary" disabled={release.busy} data-testid="federation-release">
              {t.release}
            </button>
          </p>
        </form>
      )}
      {item.kind === 'action' ? (
        <form
          className="stack"
          data-testid="federation-participation-form"
          onSubmit={participation.onSubmit(async () => {
            await setParticipation(item.id, Number(count));
            onChanged();
          })}
        >
          {item.appAnswers !== null || item.participation !== null ? (
            <p data-testid="federation-participation-summary" data-from={source.from ?? ''}>
              {[item.appAnswers !== null ? format(t.appAnswers, { count: String(item.appAnswers) }) : null, item.participation !== null ? format(t.typedCount, { count: String(item.participation) }) : null]
                .filter(Boolean)
                .join(' / ')}
              <br />
              <span className="muted">{source.from === 'typed' ? t.participationTyped : t.participationFromApp}</span>
            </p>
          ) : null}
          <div className="field">
            <label className="field-label" htmlFor={`${headingId}-count`}>
              {t.participation}
            </label>
            <input
              id={`${headingId}-count`}
              className="text-input"
              type="number"
              inputMode="numeric"
              min={0}
              max={10_000_000}
              step={1}
              required
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="federation-participation"
            />
          </div>
          <ErrorAlert code={participation.error} testId="federation-participation-error" />
          <p className="button-row">
            <button type="submit" className="button" disabled={participation.busy || count === ''} data-testid="federation-participation-save">
              {t.saveParticipation}
            </button>
            {item.participation !== null && item.participationForm !== null ? (
              <button
                type="button"
                className="button"
                disabled={participation.busy}
                onClick={() =>
                  void participation.run(async () => {
                    await setParticipation(item.id, null);
                    onChanged();
                  })
                }
              >
                {t.clearParticipation}
              </button>
            ) : null}
          </p>
        </form>
      ) : null}
    </li>
  );
}
