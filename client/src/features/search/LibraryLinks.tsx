import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { FolderIcon, SearchIcon } from '../../ui/icons.tsx';

/** Search and the documents library, for every signed-in member. */
export function LibraryLinks() {
  const { m } = useI18n();
  return (
    <nav aria-label={`${m.search.link} / ${m.documents.link}`} data-testid="library-links">
      <ul className="menu-list">
        <li>
          <Link to="/search" className="button menu-link" data-testid="search-link">
            <SearchIcon />
            {m.search.link}
          </Link>
        </li>
        <li>
          <Link to="/documents" className="button menu-link" data-testid="documents-link">
            <FolderIcon />
            {m.documents.link}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
