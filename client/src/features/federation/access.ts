import { scopeRoots, type Me } from '@kumiai/shared';
import { actorOf } from '../auth/index.ts';

/** Whether this member runs the federation link (`federation.manage`: admins), on either side. */
export const mayManageFederation = (me: Me | null): boolean => (me ? scopeRoots(actorOf(me), 'federation.manage').length > 0 : false);
