import { msg } from '../../core/api/message';
import { ApiFailure, type ErrorCode } from '../../core/api/result';

/**
 * Failures that come from the machine rather than from the app: a full disk, a read-only medium,
 * a refused permission, a locked or damaged database, a disk that reports errors. SQLite (through
 * better-sqlite3, whose errors carry extended result codes such as SQLITE_IOERR_WRITE) and Node
 * (errno codes such as ENOSPC) name them differently; this is the one place that recognises both
 * and turns them into an error code of their own and a message that says what to do. Dispatch
 * calls it for any error a handler throws (core stays free of Node: the backend hands dispatch
 * this function), launch for a failed start-up, and the attachment store for its own words.
 */

export type EnvironmentCode = Extract<ErrorCode, 'disk_full' | 'read_only' | 'no_permission' | 'locked' | 'damaged'>;

/** What kind of trouble an error is; `io` is a disk that reports read or write errors (code `damaged`). */
export type EnvironmentKind = 'disk_full' | 'read_only' | 'no_permission' | 'locked' | 'damaged' | 'io';

const SQLITE_KINDS: [prefix: string, kind: EnvironmentKind][] = [
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_READONLY', 'read_only'],
  // Cannot open (or create) a file of the database: a folder the account may not write, most often.
  ['SQLITE_CANTOPEN', 'no_permission'],
  ['SQLITE_PERM', 'no_permission'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_CORRUPT', 'damaged'],
  ['SQLITE_NOTADB', 'damaged'],
  ['SQLITE_IOERR', 'io'],
];

const NODE_KINDS: Readonly<Record<string, EnvironmentKind>> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'no_permission',
  EPERM: 'no_permission',
  EBUSY: 'locked',
  EIO: 'io',
};

function errorCodeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** The kind of environment failure an error is, or null for anything else (a bug, a rule). */
export function environmentKind(error: unknown): EnvironmentKind | null {
  const code = errorCodeOf(error);
  if (code === null) return null;
  if (code.startsWith('SQLITE_')) {
    // Out of memory inside an I/O call is not the disk's fault.
    if (code === 'SQLITE_IOERR_NOMEM') return null;
    const found = SQLITE_KINDS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
    return found ? found[1] : null;
  }
  return NODE_KINDS[code] ?? null;
}

/** The file a Node error names (`path`), when it names one. */
function errorPath(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('path' in error)) return null;
  const file = (error as { path: unknown }).path;
  return typeof file === 'string' ? file : null;
}

export function environmentCode(kind: EnvironmentKind): EnvironmentCode {
  return kind === 'io' ? 'damaged' : kind;
}

/**
 * The failure to report for an environment error, worded for the data folder `dataDir`; null when
 * the error is not one (the caller treats it as a bug). The original error stays the `cause`.
 */
export function environmentFailure(error: unknown, dataDir: string): ApiFailure | null {
  const kind = environmentKind(error);
  if (kind === null) return null;
  const folder = dataDir;
  const failure = ((): ApiFailure => {
    switch (kind) {
      case 'disk_full':
        return new ApiFailure('disk_full', msg('error.diskFull', { folder }));
      case 'read_only':
        return new ApiFailure('read_only', msg('error.dataReadOnly', { folder }));
      case 'no_permission':
        return new ApiFailure('no_permission', msg('error.noPermission', { path: errorPath(error) ?? folder, folder }));
      case 'locked':
        return new ApiFailure('locked', msg('error.dataLocked', { folder }));
      case 'damaged':
        return new ApiFailure('damaged', msg('error.dataDamaged', { folder }));
      case 'io':
        return new ApiFailure('damaged', msg('error.diskError', { folder }));
    }
  })();
  failure.cause = error;
  return failure;
}

/** The hook dispatch takes: environment failures for the data folder `dataDir`. */
export function environmentClassifier(dataDir: string): (error: unknown) => ApiFailure | null {
  return (error) => environmentFailure(error, dataDir);
}
