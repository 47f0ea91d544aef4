import './federation.css';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { useSession } from '../auth/index.ts';
import { mayManageFederation } from './access.ts';
import { fetchInbox, fetchLink } from './federation-api.ts';
import { InboxSection } from './InboxSection.tsx';
import { LinkForm } from './LinkForm.tsx';
import { LinkStatePanel } from './LinkStatePanel.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { ReportSection } from './ReportSection.tsx';
import { SharingSection } from './SharingSection.tsx';
import { useKept } from './use-kept.ts';

/** The union's side of the link with its federation (上部団体): link, state, sharing, what arrived, reports. Online only. */
export function FederationPage() {
  const { m } = useI18n();
  const t = m.federation;
  useDocumentTitle(t.title);
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const state = useKept(useFetched((signal) => fetchLink(signal), [version]));
  const link = state.state === 'done' ? state.value.link : null;
  const live = link !== null && link.status !== 'revoked';
  const inbox = useKept(useFetched((signal) => (live ? fetchInbox(signal) : Promise.resolve({ items: [] })), [version, live]));
  if (!mayManageFederation(me)) return <NotAllowed />;
  const titles = new Map(inbox.state === 'done' ? inbox.value.items.map((i) => [i.id, i.title]) : []);
  return (
    <div className="stack" data-testid="federation-page">
      <h1>{t.title}</h1>
      {state.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : state.state === 'failed' ? (
        <p className="notice notice-error">{t.loadFailed}</p>
      ) : (
        <>
          {link ? <LinkStatePanel link={link} onChanged={reload} /> : null}
          {live ? (
            <>
              <InboxSection inbox={inbox} onChanged={reload} />
              <ReportSection titles={titles} version={version} onChanged={reload} />
              <SharingSection key={`${link.useDefaultAudience}/${link.sharedForms.join()}`} link={link} onChanged={reload} />
            </>
          ) : (
            <LinkForm onLinked={reload} />
          )}
        </>
      )}
    </div>
  );
}
