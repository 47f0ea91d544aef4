import { defineModule } from '../../lib/feature-module.ts';
import { DuesReports } from './dues-reports.ts';
import { DuesRepo } from './dues-repo.ts';
import { duesRoutes } from './dues-routes.ts';
import { DuesService } from './dues-service.ts';
import { duesCollection } from './dues-sync.ts';

/** Dues (組合費, issue 18): rules, check-off imports, direct payments, totals, arrears, exports; the synced `dues` records. */
export const duesModule = defineModule({
  name: 'dues',
  dependsOn: [],
  services: ({ db, clock, mutate }) => {
    const repo = new DuesRepo(db);
    return { dues: new DuesService(repo, clock, mutate), duesReports: new DuesReports(repo, mutate) };
  },
  collections: () => [duesCollection],
  routes: (app, services) => duesRoutes(app, services),
  pushKinds: [],
  auditActions: [
    'dues.policy_set',
    'dues.rule_added',
    'dues.rule_removed',
    'dues.exemption_added',
    'dues.exemption_removed',
    'dues.base_pay_saved',
    'dues.checkoff_applied',
    'dues.payment_recorded',
    'dues.exported',
  ],
});
