import { can } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useActor } from '../auth/index.ts';
import { UnitNode } from './UnitNode.tsx';
import { useUnits } from './use-units.ts';

export function UnitsPage() {
  const { m } = useI18n();
  useDocumentTitle(m.units.title);
  const actor = useActor();
  const { tree, error, reload } = useUnits();
  const mayManage = (path: readonly string[]) => actor !== null && can(actor, 'unit.manage', { unitPath: path });
  return (
    <section className="card stack" aria-labelledby="units-title" data-testid="units">
      <h1 id="units-title">{m.units.title}</h1>
      <p className="muted">{m.units.intro}</p>
      <ErrorAlert code={error} />
      {tree ? (
        <ul className="unit-tree" aria-label={m.units.title}>
          {tree.roots().map((unit) => (
            <UnitNode key={unit.id} unit={unit} tree={tree} mayManage={mayManage} onChanged={reload} />
          ))}
        </ul>
      ) : error ? null : (
        <p role="status">{m.app.loading}</p>
      )}
    </section>
  );
}
