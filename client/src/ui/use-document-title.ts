import { useEffect } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';

/** Each page names itself in the tab and for screen readers: "Page – Kumiai 組合". */
export function useDocumentTitle(pageTitle: string): void {
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${pageTitle} – ${m.app.name}`;
  }, [pageTitle, m.app.name]);
}
