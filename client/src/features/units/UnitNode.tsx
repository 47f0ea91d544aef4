import type { UnitView } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { UnitTree } from './unit-tree.ts';
import { UnitEditor } from './UnitEditor.tsx';

interface Props {
  unit: UnitView;
  tree: UnitTree;
  mayManage: (path: readonly string[]) => boolean;
  onChanged: () => void;
}

export function UnitNode({ unit, tree, mayManage, onChanged }: Props) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const path = tree.pathIds(unit.id);
  // Officers manage below their own unit: creating a child needs rights on the child's path.
  const mayEdit = unit.kind !== 'union' && mayManage(path);
  const mayAddChild = mayManage([...path, '(new)']);
  const children = tree.childrenOf(unit.id).filter((u) => u.archivedAt === null);
  if (unit.archivedAt !== null) return null;
  return (
    <li className="unit-node" data-testid="unit-node" data-unit-name={unit.name}>
      <div className="unit-row">
        <span className="unit-name">{unit.name}</span>
        <span className="muted">
          {m.units.kinds[unit.kind]}
          {unit.code ? ` · ${unit.code}` : ''}
        </span>
        {mayEdit || mayAddChild ? (
          <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="unit-manage">
            {open ? m.common.close : m.units.manage}
            <span className="visually-hidden"> {unit.name}</span>
          </button>
        ) : null}
      </div>
      {open ? <UnitEditor unit={unit} tree={tree} mayEdit={mayEdit} mayAddChild={mayAddChild} mayManage={mayManage} onChanged={onChanged} /> : null}
      {children.length > 0 ? (
        <ul className="unit-tree">
          {children.map((child) => (
            <UnitNode key={child.id} unit={child} tree={tree} mayManage={mayManage} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
