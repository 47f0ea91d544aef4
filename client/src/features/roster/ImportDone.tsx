import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { ImportKind, ImportResult } from './import-api.ts';

export function ImportDone({ what, result, onRestart }: { what: ImportKind; result: ImportResult; onRestart: () => void }) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice-success stack" role="status" data-testid="import-done">
      <h2 ref={heading} tabIndex={-1}>
        {m.import.doneTitle}
      </h2>
      <p>{format(m.import.doneBody, { created: result.created, updated: result.updated })}</p>
      <div className="button-row">
        {what === 'members' ? (
          <Link to="/members/cards" className="button button-primary" data-testid="import-to-cards">
            {m.import.toCards}
          </Link>
        ) : null}
        <button type="button" className="button" onClick={onRestart} data-testid="import-restart">
          {m.import.another}
        </button>
      </div>
    </div>
  );
}
