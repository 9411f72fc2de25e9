import { formatApiMessage, type ApiMessage } from './message';
import type { RecordTable } from './tables';

/** What can go wrong in a call, as the renderer sees it. */
export const ERROR_CODES = [
  'bad_request', // arguments failed validation
  'unknown_method', // no such call in the contract
  'not_found', // the thing named does not exist
  'conflict', // the change clashes with what is stored
  'forbidden', // the central repository refused this device or user (sync)
  'too_large', // a file or text is larger than the app accepts
  'bad_file', // a file is not what it claims to be, or cannot be read
  'unavailable', // the backend cannot serve the call right now
  'disk_full', // the disk (or the quota) has no room for what was to be written
  'read_only', // the data folder or database cannot be written (read-only medium, mount or file)
  'no_permission', // the operating system refused access to a file or folder
  'locked', // another process holds the database or the data folder
  'damaged', // the database or a stored file is damaged
  'internal', // a bug: logged with details on the backend side
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field: its path (e.g. "contacts.1.email") and what is wrong with it. */
export type ApiIssue = ApiMessage & {
  path: string;
  /** The issue in English, for logs and tests; the renderer words `key` + `params` itself. */
  message: string;
};

export type ApiError = ApiMessage & {
  code: ErrorCode;
  /** The error in English, for logs and tests; the renderer words `key` + `params` itself. */
  message: string;
  /** For bad_request: one entry per offending field. */
  issues?: ApiIssue[];
};

/** A commit a call made: its number (as in `data.changed`) and the record tables it changed. */
export type Committed = { seq: number; tables: RecordTable[] };

/** `committed` lists the commits the call made, when it made any (see `data.changed`). */
export type ApiResult<T> = { ok: true; value: T; committed?: Committed[] } | { ok: false; error: ApiError };

/** A field issue with its English text filled in. */
export function issue(path: string, message: ApiMessage): ApiIssue {
  return { ...message, path, message: formatApiMessage(message, 'en') };
}

/** Thrown by services for expected failures; dispatch turns it into an error result. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly code: ErrorCode,
    readonly detail: ApiMessage,
    readonly issues?: ApiIssue[],
  ) {
    super(formatApiMessage(detail, 'en'));
  }

  toError(): ApiError {
    return errorOf(this.code, this.detail, this.issues);
  }
}

export function errorOf(code: ErrorCode, detail: ApiMessage, issues?: ApiIssue[]): ApiError {
  const error: ApiError = { code, key: detail.key, params: detail.params, message: formatApiMessage(detail, 'en') };
  return issues === undefined || issues.length === 0 ? error : { ...error, issues };
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function failed(code: ErrorCode, detail: ApiMessage, issues?: ApiIssue[]): ApiResult<never> {
  return { ok: false, error: errorOf(code, detail, issues) };
}

/** A bad_request about one field, so forms can show it next to that field. */
export function fieldFailure(path: string, problem: ApiMessage): ApiFailure {
  return new ApiFailure('bad_request', { key: 'error.invalidField', params: { field: path, problem } }, [issue(path, problem)]);
}

/** A bad_request about several fields: the first one words the error, all are listed. */
export function fieldsFailure(issues: ApiIssue[]): ApiFailure {
  const [first] = issues;
  if (!first) return new ApiFailure('bad_request', { key: 'issue.invalid', params: {} });
  const problem: ApiMessage = { key: first.key, params: first.params };
  const detail: ApiMessage =
    issues.length === 1
      ? { key: 'error.invalidField', params: { field: first.path, problem } }
      : { key: 'error.invalidFields', params: { field: first.path, problem, more: issues.length - 1 } };
  return new ApiFailure('bad_request', detail, issues);
}
