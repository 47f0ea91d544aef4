import { createRouter } from '@tanstack/react-router';
import { activateRoute } from './routes/activate.tsx';
import { approvalRoute } from './routes/approval.tsx';
import { approvalsRoute } from './routes/approvals.tsx';
import { auditRoute } from './routes/audit.tsx';
import { documentNewRoute } from './routes/document-new.tsx';
import { documentRoute } from './routes/document.tsx';
import { documentsRoute } from './routes/documents.tsx';
import { formRoute } from './routes/form.tsx';
import { formsRoute } from './routes/forms.tsx';
import { indexRoute } from './routes/index.tsx';
import { formEditRoute } from './routes/form-edit.tsx';
import { formNewRoute } from './routes/form-new.tsx';
import { formResultsRoute } from './routes/form-results.tsx';
import { formsManageRoute } from './routes/forms-manage.tsx';
import { kioskRegisterRoute } from './routes/kiosk-register.tsx';
import { kioskRoute } from './routes/kiosk.tsx';
import { meRoute } from './routes/me.tsx';
import { memberDetailRoute } from './routes/member-detail.tsx';
import { memberRoute } from './routes/member.tsx';
import { noticeEditRoute } from './routes/notice-edit.tsx';
import { noticeNewRoute } from './routes/notice-new.tsx';
import { noticeReadRateRoute } from './routes/notice-read-rate.tsx';
import { noticeRoute } from './routes/notice.tsx';
import { membersCardsRoute } from './routes/members-cards.tsx';
import { membersImportRoute } from './routes/members-import.tsx';
import { membersRoute } from './routes/members.tsx';
import { rootRoute } from './routes/root.tsx';
import { searchRoute } from './routes/search.tsx';
import { settingsRoute } from './routes/settings.tsx';
import { setupRoute } from './routes/setup.tsx';
import { signInRoute } from './routes/sign-in.tsx';
import { submissionRoute } from './routes/submission.tsx';
import { unitsRoute } from './routes/units.tsx';

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  settingsRoute,
  signInRoute,
  activateRoute,
  kioskRoute,
  memberRoute.addChildren([meRoute, membersRoute, membersImportRoute, membersCardsRoute, memberDetailRoute, unitsRoute, auditRoute, kioskRegisterRoute, noticeNewRoute, noticeRoute, noticeReadRateRoute, noticeEditRoute, searchRoute, documentsRoute, documentNewRoute, documentRoute, formsRoute, formRoute, submissionRoute, formNewRoute, formsManageRoute, formEditRoute, formResultsRoute, approvalsRoute, approvalRoute]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
