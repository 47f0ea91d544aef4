import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { auditRoute } from './audit-route.tsx';
import { auditActionsEn, auditActionsJa } from './action-messages.ts';
import { auditEn, auditJa } from './messages.ts';

/** The audit log, for an admin on the root unit. */
export const auditModule = defineModule({
  name: 'audit',
  routes: [auditRoute],
  nav: [{ id: 'audit', label: (m) => m.nav.audit, to: '/audit', visible: (me) => mayUse(me, 'audit'), group: 'admin' }],
  messages: { ja: { audit: auditJa, auditActions: auditActionsJa }, en: { audit: auditEn, auditActions: auditActionsEn } },
});
