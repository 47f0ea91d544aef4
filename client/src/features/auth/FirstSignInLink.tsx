import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';

/**
 * The entry the printed login card points to (「はじめてのログイン」): on the start page and
 * the sign-in page, for a member who has a card and no password yet.
 */
export function FirstSignInLink() {
  const { m } = useI18n();
  return (
    <div className="stack">
      <Link to="/activate" className="button">
        {m.activate.entryLink}
      </Link>
      <p className="muted">{m.activate.entryHint}</p>
    </div>
  );
}
