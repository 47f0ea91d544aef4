import { addedNullFields, type CollectionRegistration } from '../../sync/registration.ts';
import { submissionMasterWins } from './conflict-rule.ts';
import { submissionsBeforePush } from './outbox.ts';

/** Form definitions: the server's, never changed on the device (schema 1: the English title and description). */
export const formsCollection: CollectionRegistration = { name: 'forms', migrationStrategies: { 1: addedNullFields('titleEn', 'descriptionEn') } };

/**
 * A member's answers and applications: the answers and the state a member asks
 * for (draft, submitted, withdrawn) are the device's; the forms' conflict rule
 * decides first; the files a submission refers to are uploaded before it is pushed.
 */
export const submissionsCollection: CollectionRegistration = {
  name: 'submissions',
  editableFields: ['answers', 'formVersion', 'state'],
  masterWins: submissionMasterWins,
  beforePush: submissionsBeforePush,
};
