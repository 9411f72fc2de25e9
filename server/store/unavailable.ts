/**
 * Whether an error means the database cannot be reached, written or is busy for now — PostgreSQL
 * down, restarting or failing over, a connection dropped on the way, too many connections, a
 * read-only standby, SQLite locked by another process past its busy timeout or on a disk gone
 * read-only — rather than a fault in the request or in the data. The same request works again
 * once the database is back: requests are answered 503 with a time to retry (app.ts), and a
 * starting server waits for it (config.ts).
 */
export function databaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof code === 'string' ? code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'EROFS', '57P01', '57P02', '57P03', '53300'].includes(text)) return true;
  // Read-only for now: a PostgreSQL standby answering until a failover completes (25006), a SQLite
  // file or disk that cannot be written; SQLITE_BUSY with its extended codes.
  if (text === '25006' || /^SQLITE_(BUSY|READONLY)(_|$)/.test(text)) return true;
  // Connection exceptions (class 08), as PostgreSQL names them.
  if (/^08[0-9A-Z]{3}$/.test(text)) return true;
  // node-postgres reports a connection lost mid-query or a pool that cannot connect in words only.
  return typeof message === 'string' && /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/.test(message);
}

/** PostgreSQL refused the connection itself: authentication failed (class 28) or the database does not exist (3D000). */
export function databaseRefused(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (/^28[0-9A-Z]{3}$/.test(code) || code === '3D000');
}

/** Why, in a few words, for a log line or a message: the code and the driver's own message. */
export function unavailableReason(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  const words = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !words.includes(code) ? `${code}: ${words}` : words;
}
