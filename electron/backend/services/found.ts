import { ApiFailure } from '../../../core/api/result';

/** The record a call asked for by id, or a not_found failure naming what was looked for. */
export function foundOrFail<T>(record: T | null | undefined, what: string, id: string): T {
  if (record === null || record === undefined) throw new ApiFailure('not_found', `No ${what} with id "${id}".`);
  return record;
}
