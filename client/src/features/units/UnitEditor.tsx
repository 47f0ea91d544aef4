import type { UnitView } from '@kumiai/shared';
import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { archiveUnit, createUnit, updateUnit } from './units-api.ts';
import type { UnitTree } from './unit-tree.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface Props {
  unit: UnitView;
  tree: UnitTree;
  mayEdit: boolean;
  mayAddChild: boolean;
  mayManage: (path: readonly string[]) => boolean;
  onChanged: () => void;
}

type Kind = 'branch' | 'workplace' | 'group';

/** Create a child, rename, move under another unit, archive: each only where the rules allow. */
export function UnitEditor({ unit, tree, mayEdit, mayAddChild, mayManage, onChanged }: Props) {
  const { m } = useI18n();
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const [childName, setChildName] = useState('');
  const [childKind, setChildKind] = useState<Kind>('workplace');
  const [childCode, setChildCode] = useState('');
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(errorCode(e));
    }
  }

  const submit = (action: () => Promise<unknown>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(action);
  };

  // A unit cannot move under itself or its own subtree; the new parent must be one the member manages below.
  const movable = (id: string) => !tree.pathIds(id).includes(unit.id) && mayManage([...tree.pathIds(id), unit.id]);

  return (
    <div className="unit-editor stack">
      <ErrorAlert code={error} testId="unit-error" />
      {mayAddChild ? (
        <form className="stack" onSubmit={submit(() => createUnit({ parentId: unit.id, name: childName.trim(), kind: childKind, ...(childCode.trim() ? { code: childCode.trim() } : {}) }).then(() => setChildName('')))}>
          <h2 className="h3">{m.units.addChild}</h2>
          <TextField label={m.units.name} value={childName} onValueChange={setChildName} required maxLength={100} data-testid="unit-child-name" />
          <RadioGroup<Kind> legend={m.units.kind} options={(['branch', 'workplace', 'group'] as const).map((k) => ({ value: k, label: m.units.kinds[k] }))} value={childKind} onChange={setChildKind} testId="unit-child-kind" />
          <TextField label={m.units.code} hint={m.units.codeHint} value={childCode} onValueChange={setChildCode} maxLength={32} data-testid="unit-child-code" />
          <button type="submit" className="button button-primary" disabled={childName.trim() === ''} data-testid="unit-child-create">
            {m.units.create}
          </button>
        </form>
      ) : null}
      {mayEdit ? (
        <>
          <form className="stack" onSubmit={submit(() => updateUnit(unit.id, { name: name.trim() }))}>
            <TextField label={m.units.rename} value={name} onValueChange={setName} required maxLength={100} data-testid="unit-rename" />
            <button type="submit" className="button" disabled={name.trim() === '' || name.trim() === unit.name} data-testid="unit-rename-save">
              {m.units.renameSave}
            </button>
          </form>
          <form className="stack" onSubmit={submit(() => updateUnit(unit.id, { parentId }))}>
            <UnitSelect label={m.units.moveTo} tree={tree} value={parentId} onChange={setParentId} allow={movable} testId="unit-move" />
            <button type="submit" className="button" disabled={parentId === unit.parentId} data-testid="unit-move-save">
              {m.units.moveSave}
            </button>
          </form>
          <div className="stack">
            <p className="muted">{m.units.archiveHint}</p>
            <button type="button" className="button" onClick={() => void run(() => archiveUnit(unit.id))} data-testid="unit-archive">
              {m.units.archive}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
