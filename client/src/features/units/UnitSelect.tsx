import { useId } from 'react';
import type { UnitTree } from './unit-tree.ts';

interface Props {
  label: string;
  tree: UnitTree;
  value: string;
  onChange: (id: string) => void;
  /** Only units passing this test are offered. */
  allow?: (id: string) => boolean;
  /** Adds a first option with value '' (e.g. "all units"). */
  emptyLabel?: string;
  testId: string;
}

/** A labelled select of units, indented by depth so the tree shows. */
export function UnitSelect({ label, tree, value, onChange, allow, emptyLabel, testId }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="text-input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {tree
          .flatten()
          .filter(({ unit }) => !allow || allow(unit.id))
          .map(({ unit, depth }) => (
            <option key={unit.id} value={unit.id}>
              {`${'\u3000'.repeat(depth)}${unit.name}${unit.code ? ` (${unit.code})` : ''}`}
            </option>
          ))}
      </select>
    </div>
  );
}
