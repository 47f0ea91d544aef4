import './federation.css';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { useSession } from '../auth/index.ts';
import { mayManageFederation } from './access.ts';
import { fetchItems, fetchUnions } from './federation-api.ts';
import { InviteSection } from './InviteSection.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { PublishSection } from './PublishSection.tsx';
import { UnionsSection } from './UnionsSection.tsx';
import { useKept } from './use-kept.ts';

/** The federation's side: invite member unions, their state and figures, publish notices and unified actions. Online only. */
export function HubPage() {
  const { m } = useI18n();
  const t = m.federation;
  useDocumentTitle(t.hubTitle);
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const overview = useKept(useFetched((signal) => fetchUnions(signal), [version]));
  const items = useKept(useFetched((signal) => fetchItems(signal), [version]));
  if (!mayManageFederation(me)) return <NotAllowed />;
  const published = items.state === 'done' ? items.value.items : [];
  return (
    <div className="stack" data-testid="federation-hub">
      <h1>{t.hubTitle}</h1>
      <InviteSection onCreated={reload} />
      <UnionsSection overview={overview} items={published} onChanged={reload} />
      <PublishSection items={published} onPublished={reload} />
    </div>
  );
}
