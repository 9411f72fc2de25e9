import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { ApiMessageKey } from '../../../core/api/messages';

/** The record a call asked for by id, or a not_found failure naming what was looked for. */
export function foundOrFail<T>(record: T | null | undefined, what: Extract<ApiMessageKey, `record.${string}`>, id: string): T {
  if (record === null || record === undefined) throw notFound(what, id);
  return record;
}

/** The not_found failure for a record of a kind, by id. */
export function notFound(what: Extract<ApiMessageKey, `record.${string}`>, id: string): ApiFailure {
  return new ApiFailure('not_found', msg('error.notFound', { what: msg(what), id }));
}
