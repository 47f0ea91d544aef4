import './content.css';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';

/**
 * The optional English of a notice, form or document in its editor: folded away
 * under 「英語版(任意)」, open from the start when there is English already.
 * The fields inside are the caller's (title, body or description).
 */
export function EnglishVersion({ hasEnglish, children, testId }: { hasEnglish: boolean; children: ReactNode; testId: string }) {
  const { m } = useI18n();
  // Open at first when there is English; after that the editor's own toggling decides (never folded while typing).
  const [open, setOpen] = useState(hasEnglish);
  return (
    <details className="english-version" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={testId}>
      <summary className="english-version-summary">{m.english.summary}</summary>
      <div className="stack english-version-fields">
        <p className="field-hint">{m.english.hint}</p>
        {children}
      </div>
    </details>
  );
}
