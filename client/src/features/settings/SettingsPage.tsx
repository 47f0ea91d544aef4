import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ContrastToggle } from './ContrastToggle.tsx';
import { FontSizeControl } from './FontSizeControl.tsx';
import { LanguageSetting } from './LanguageSetting.tsx';

export function SettingsPage() {
  const { m } = useI18n();
  useDocumentTitle(m.settings.title);
  return (
    <section className="card stack" aria-labelledby="settings-title">
      <h1 id="settings-title">{m.settings.title}</h1>
      <LanguageSetting />
      <FontSizeControl />
      <ContrastToggle />
      <p className="muted">{m.settings.saved}</p>
      <p>
        <Link to="/" className="text-link">
          {m.settings.backHome}
        </Link>
      </p>
    </section>
  );
}
