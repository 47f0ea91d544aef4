import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ClipboardIcon } from '../../ui/icons.tsx';

/** Surveys and applications, for every signed-in member (home page). */
export function FormsLink() {
  const { m } = useI18n();
  return (
    <nav aria-label={m.forms.link}>
      <ul className="menu-list">
        <li>
          <Link to="/forms" className="button menu-link" data-testid="forms-link">
            <ClipboardIcon />
            {m.forms.link}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
