import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { NoticeFeed } from './NoticeFeed.tsx';

/** /notices: every notice on the device (also offline), pinned first, unread marked (the お知らせ tab). */
export function NoticesPage() {
  const { m } = useI18n();
  useDocumentTitle(m.notices.feedTitle);
  return (
    <div className="card">
      <NoticeFeed variant="page" />
    </div>
  );
}
