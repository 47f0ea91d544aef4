import { Link } from '@tanstack/react-router';
import type { Me } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MeLink } from '../../lib/feature-module.ts';
import { featureModules } from '../index.ts';

/** The member's own records other features keep (their dues), as the modules declare them (`meLinks`). */
export function MeLinks({ me }: { me: Me }) {
  const { m } = useI18n();
  // Read at render: the module list imports this feature.
  const links = featureModules.flatMap((module): readonly MeLink[] => module.meLinks ?? []).filter((link) => link.visible?.(me) ?? true);
  if (links.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="me-records-title">
      <h2 id="me-records-title">{m.me.recordsTitle}</h2>
      <ul className="row-list">
        {links.map((link) => (
          <li key={link.id}>
            {/* A declared path of one of the app's routes (the feature-modules test checks every link's). */}
            <Link to={link.to as '/'} className="row-link" data-testid={`me-link-${link.id}`}>
              <span className="row-title">{link.label(m)}</span>
              {link.description ? <span className="muted">{link.description(m)}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
