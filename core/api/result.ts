/** What can go wrong in a call, as the renderer sees it. */
export const ERROR_CODES = [
  'bad_request', // arguments failed validation
  'unknown_method', // no such call in the contract
  'not_found', // the thing named does not exist
  'conflict', // the change clashes with what is stored
  'too_large', // a file or text is larger than the app accepts
  'bad_file', // a file is not what it claims to be, or cannot be read
  'unavailable', // the backend cannot serve the call right now
  'internal', // a bug: logged with details on the backend side
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ApiError = {
  code: ErrorCode;
  message: string;
  /** For bad_request: one entry per offending field, e.g. { path: "query", message: "..." }. */
  issues?: { path: string; message: string }[];
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for expected failures; dispatch turns it into an error result. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiError['issues'];
  constructor(code: ErrorCode, message: string, issues?: ApiError['issues']) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.issues = issues;
  }
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: ApiError['issues']): ApiResult<never> {
  return issues === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, issues } };
}
