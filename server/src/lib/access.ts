import { officeAccess, type Actor, type Audience, type OfficedRecord } from '@kumiai/shared';
import { AppError, notFound } from './errors.ts';

/**
 * The server side of `officeAccess` (shared/src/access.ts): the loaded record
 * if this actor answers for it, else the refusal as an error: 404 for a record
 * that is missing or that the actor could not know of, 403 for one they read.
 * `hidden` answers 404 for both, where even a reader must learn nothing (a
 * notice's earlier versions).
 */
export function requireOffice<T>(
  actor: Actor,
  row: T | undefined,
  record: (row: T) => OfficedRecord,
  covers: (audience: Audience) => boolean,
  options: { hidden?: boolean } = {},
): T {
  if (row === undefined) throw notFound();
  const access = officeAccess(actor, record(row), covers);
  if (access === 'allowed') return row;
  throw access === 'forbidden' && !options.hidden ? new AppError('forbidden', 403, 'Not allowed') : notFound();
}
