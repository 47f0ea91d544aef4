import { useI18n } from '../../i18n/use-i18n.ts';
import { fingerprintLines } from './fingerprint.ts';

/**
 * A key fingerprint in large grouped digits, with the words saying what to do
 * with it. Screen readers get the groups one by one (each is a list item).
 */
export function FingerprintView({ fingerprint, testId, explain = true }: { fingerprint: string; testId: string; explain?: boolean }) {
  const { m } = useI18n();
  return (
    <div className="stack">
      <ol className="fingerprint plain-list" aria-label={m.federation.fingerprint} data-testid={testId} data-fingerprint={fingerprint}>
        {fingerprintLines(fingerprint).map((line, i) => (
          <li key={i} className="fingerprint-line">
            {line.map((group, j) => (
              <span key={j}>{group}</span>
            ))}
          </li>
        ))}
      </ol>
      {explain ? <p>{m.federation.compare}</p> : null}
    </div>
  );
}
