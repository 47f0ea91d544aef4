import { MEMBER_SELF_EDITABLE } from '@kumiai/shared';
import type { CollectionRegistration } from '../../sync/registration.ts';

/** The roster as the member may read it; a member changes only their own contact fields (the shared rule). */
export const membersCollection: CollectionRegistration = { name: 'members', editableFields: MEMBER_SELF_EDITABLE };
