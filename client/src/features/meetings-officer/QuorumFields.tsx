import type { MeetingInput } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { quorumChoice, quorumFor, type QuorumChoice } from './meeting-form.ts';

interface Props {
  value: MeetingInput['quorum'];
  onChange: (next: MeetingInput['quorum']) => void;
  /** Whether delegates were chosen (a delegates-only base needs them). */
  hasDelegates: boolean;
}

const choices: readonly QuorumChoice[] = ['none', 'majority', 'half', 'two_thirds', 'fraction', 'count'];

/** The quorum rule (定足数): none, 過半数, 半数以上, 3分の2以上, a fraction as the union's rules say (4分の3以上, …) or a number; counted among everyone invited or the delegates; proxies or not. */
export function QuorumFields({ value, onChange, hasDelegates }: Props) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const choice = quorumChoice(value);
  const count = value?.threshold.kind === 'count' ? value.threshold.atLeast : 1;
  return (
    <div className="stack" data-testid="quorum-fields">
      <RadioGroup legend={t.quorum} options={choices.map((c) => ({ value: c, label: t.quorumKinds[c] }))} value={choice} onChange={(c) => onChange(quorumFor(c, value, count))} testId="quorum-kind" />
      {value ? (
        <>
          {value.threshold.kind === 'fraction' ? (
            <div className="stack" data-testid="quorum-fraction">
              <TextField
                label={t.quorumDenominator}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                value={String(value.threshold.denominator)}
                onValueChange={(v) => onChange(quorumFor('fraction', value, count, { denominator: Number.parseInt(v, 10) }))}
                data-testid="quorum-denominator"
              />
              <TextField
                label={t.quorumNumerator}
                type="number"
                inputMode="numeric"
                min={1}
                max={value.threshold.denominator}
                value={String(value.threshold.numerator)}
                onValueChange={(v) => onChange(quorumFor('fraction', value, count, { numerator: Number.parseInt(v, 10) }))}
                data-testid="quorum-numerator"
              />
              <RadioGroup
                legend={format(t.quorumFraction, { n: value.threshold.numerator, d: value.threshold.denominator })}
                options={(['inclusive', 'strict'] as const).map((k) => ({ value: k, label: t.quorumStrict[k] }))}
                value={value.threshold.strict ? 'strict' : 'inclusive'}
                onChange={(k) => onChange(quorumFor('fraction', value, count, { strict: k === 'strict' }))}
                testId="quorum-strict"
              />
            </div>
          ) : null}
          {value.threshold.kind === 'count' ? (
            <TextField label={t.quorumCount} type="number" inputMode="numeric" min={1} max={100000} value={String(count)} onValueChange={(v) => onChange(quorumFor('count', value, Number.parseInt(v, 10)))} data-testid="quorum-count" />
          ) : null}
          {hasDelegates || value.base === 'delegates' ? (
            <RadioGroup legend={t.quorumBase} options={(['invited', 'delegates'] as const).map((b) => ({ value: b, label: t.quorumBases[b] }))} value={value.base} onChange={(base) => onChange({ ...value, base })} testId="quorum-base" />
          ) : null}
          <label className="check-row">
            <input type="checkbox" checked={value.proxies} onChange={(e) => onChange({ ...value, proxies: e.target.checked })} data-testid="quorum-proxies" />
            <span>{t.proxiesAdmitted}</span>
          </label>
        </>
      ) : null}
    </div>
  );
}
