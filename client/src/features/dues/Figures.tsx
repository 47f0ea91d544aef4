import { useI18n } from '../../i18n/use-i18n.ts';
import { formatYen } from './yen.ts';

/** Asked, received and the difference (and head count) of one account, as a definition list that wraps on a phone. */
export function Figures({ expected, received, members, testId }: { expected: number; received: number; members?: number; testId?: string }) {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  return (
    <dl className="dues-figures" data-testid={testId} data-expected={expected} data-received={received}>
      <div>
        <dt>{t.expected}</dt>
        <dd>{formatYen(expected, lang)}</dd>
      </div>
      <div>
        <dt>{t.received}</dt>
        <dd>{formatYen(received, lang)}</dd>
      </div>
      <div>
        <dt>{t.difference}</dt>
        <dd>{formatYen(received - expected, lang)}</dd>
      </div>
      {members === undefined ? null : (
        <div>
          <dt>{t.members}</dt>
          <dd>{members}</dd>
        </div>
      )}
    </dl>
  );
}
