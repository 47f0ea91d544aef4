import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useActor } from '../auth/index.ts';
import { useFormDoc } from '../forms/index.ts';
import { FormBuilder } from './FormBuilder.tsx';
import { mayManageForm } from './may-manage.ts';
import { useManageScope } from './use-manage-scope.ts';

/** Edits a form from its synced copy on the device; its author or an officer covering its audience (the server decides). */
export function FormEditPage({ formId }: { formId: string }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const actor = useActor();
  const form = useFormDoc(formId);
  const scope = useManageScope();
  const mayEdit = Boolean(form && actor && mayManageForm(form, actor, scope));
  useDocumentTitle(t.editTitle);
  // Saving would publish it again (a form is sent as draft or published): a closed form stays closed.
  if (form && mayEdit && form.status !== 'archived') return <FormBuilder key={form.id} kind={form.kind} editing={form} />;
  const message = form === undefined || !actor ? m.app.loading : form === null ? t.notOnDevice : !mayEdit ? t.editNotAllowed : t.archivedNoEdit;
  return (
    <section className="card stack" aria-labelledby="builder-title" data-testid="form-edit-unavailable">
      <h1 id="builder-title">{t.editTitle}</h1>
      <p className={form === undefined ? 'muted' : undefined} role="status">
        {message}
      </p>
      <p>
        <Link to="/forms/manage" className="text-link">
          {t.backToManage}
        </Link>
      </p>
    </section>
  );
}
