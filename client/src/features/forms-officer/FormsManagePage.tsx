import './forms-officer.css';
import type { FormKind } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { mayUse, useActor } from '../auth/index.ts';
import { useSession } from '../auth/index.ts';
import { ManagedFormRow } from './ManagedFormRow.tsx';
import { mayManageForm } from './may-manage.ts';
import { useFormDocs } from './use-forms.ts';
import { useManageScope } from './use-manage-scope.ts';

/** The surveys and application templates this officer made or manages (from the device), with links to create, edit and see results. */
export function FormsManagePage() {
  const { m } = useI18n();
  const t = m.formsOfficer;
  useDocumentTitle(t.manageTitle);
  const { me } = useSession();
  const actor = useActor();
  const scope = useManageScope();
  const forms = useFormDocs();
  const managed = actor && forms ? forms.filter((f) => mayManageForm(f, actor, scope)) : undefined;
  const section = (kind: FormKind, title: string) => {
    const list = managed?.filter((f) => f.kind === kind) ?? [];
    return (
      <section className="stack" aria-labelledby={`manage-${kind}-title`}>
        <h2 id={`manage-${kind}-title`}>{title}</h2>
        {list.length === 0 ? (
          <p className="muted">{t.noForms}</p>
        ) : (
          <ul className="row-list" data-testid={`managed-forms-${kind}`}>
            {list.map((form) => (
              <ManagedFormRow key={form.id} form={form} />
            ))}
          </ul>
        )}
      </section>
    );
  };
  return (
    <section className="card stack" aria-labelledby="manage-title" data-testid="forms-manage">
      <h1 id="manage-title">{t.manageTitle}</h1>
      <p className="button-row">
        <Link to="/forms/new" search={{ kind: 'survey' }} className="button" data-testid="form-new-survey">
          {t.newSurvey}
        </Link>
        <Link to="/forms/new" search={{ kind: 'application' }} className="button" data-testid="form-new-application">
          {t.newApplication}
        </Link>
        {mayUse(me, 'approvals') ? (
          <Link to="/approvals" className="button" data-testid="forms-approvals-link">
            {t.approvalsLink}
          </Link>
        ) : null}
      </p>
      {managed === undefined ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : (
        <>
          {section('survey', t.surveys)}
          {section('application', t.applications)}
        </>
      )}
    </section>
  );
}
