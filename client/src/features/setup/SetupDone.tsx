import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

export function SetupDone() {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: move focus to the outcome so it is read out.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice-success stack" data-testid="setup-done" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {m.setup.doneTitle}
      </h2>
      <p>{m.setup.doneBody}</p>
      <p>
        <Link to="/" className="button">
          {m.setup.goHome}
        </Link>
      </p>
    </div>
  );
}
