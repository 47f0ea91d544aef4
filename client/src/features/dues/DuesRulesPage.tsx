import { can } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useActor } from '../auth/index.ts';
import { ApiState } from './ApiState.tsx';
import { duesApi } from './dues-api.ts';
import { DuesOfficerNav } from './DuesOfficerNav.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { formulaText } from './rule-text.ts';
import { RuleForm } from './RuleForm.tsx';
import { formatMonth } from './yen.ts';
import './dues.css';

/** Dues rules per member class, newest first within a class; adding a rule from a month and the union's policy (dues.manage on the root). */
export function DuesRulesPage() {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  useDocumentTitle(t.rulesTitle);
  const actor = useActor();
  // The rules and policy are the union's: only dues.manage on the root unit changes them (as the server decides).
  const mayChange = actor !== null && can(actor, 'dues.manage', { unitPath: actor.unitPath.slice(0, 1) });
  const rules = useApiResource((signal) => duesApi.rules(signal), []);
  const policy = useApiResource((signal) => duesApi.policy(signal), []);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const list = [...(rules.data?.rules ?? [])].sort((a, b) => a.memberClass.localeCompare(b.memberClass) || a.account.localeCompare(b.account) || (a.from < b.from ? 1 : -1));
  return (
    <section className="card stack" aria-labelledby="rules-title" data-testid="dues-rules">
      <h1 id="rules-title">{t.rulesTitle}</h1>
      <DuesOfficerNav />
      <p>{t.rulesIntro}</p>
      <ApiState resource={rules} testId="rules" />
      {rules.data && list.length === 0 ? <p>{t.rulesEmpty}</p> : null}
      <ul className="row-list">
        {list.map((rule) => (
          <li key={rule.id} className="row-item" data-testid={`rule-${rule.id}`}>
            <span className="row-title dues-break">
              {rule.memberClass}
              {rule.account === 'strike' ? ` · ${t.strike}` : ''} — {format(t.ruleFrom, { from: formatMonth(rule.from, lang) })}
            </span>
            <span className="dues-break">{formulaText(rule.formula, m, lang)}</span>
            {mayChange ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setError(null);
                    duesApi.deleteRule(rule.id).then(rules.reload, (err: unknown) => setError(errorCode(err)));
                  }}
                >
                  {format(t.ruleDelete, { class: rule.memberClass, from: formatMonth(rule.from, lang) })}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert code={error} testId="rule-delete-error" />
      {!mayChange ? <p className="muted">{t.onlyRoot}</p> : null}
      {mayChange && policy.data ? <RuleForm strikeFund={policy.data.strikeFund} onAdded={rules.reload} /> : null}
      {mayChange && policy.data ? <PolicyForm policy={policy.data} onSaved={policy.setData} /> : null}
    </section>
  );
}
