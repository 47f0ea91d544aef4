import { deviceRequestStillValid, type SubmissionState } from '@kumiai/shared';
import { deepEqual } from 'rxdb';
import type { MasterWins } from '../../sync/conflict.ts';

/**
 * A submission the server moved on meanwhile (an officer acted, or the
 * device's own submit went through and only its acknowledgement was lost):
 * the device's request no longer applies, and the server's state wins.
 */
export const submissionMasterWins: MasterWins = (master, mine, assumed) => {
  // An anonymous answer the server holds (as its "has answered" mark) is never changed: a retried push of it is moot.
  if (master.anonymous === true) return true;
  if (assumed && deepEqual(mine.state, assumed.state) && deepEqual(mine.answers, assumed.answers)) return true;
  return !(deviceRequestStillValid(master.state as SubmissionState, mine.state as SubmissionState) || (mine.state === master.state && master.state === 'submitted'));
};
