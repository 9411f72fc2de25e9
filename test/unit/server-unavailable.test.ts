import { describe, expect, it } from 'vitest';
import { databaseRefused, databaseUnavailable, unavailableReason } from '../../server/store/unavailable';

/** Which database errors mean "try again shortly" (503), "fix the settings" (a start that stops at once), or a fault (500). */
describe('database errors the server tells apart', () => {
  const error = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

  it('counts a database out of reach, busy or read-only for now as unavailable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EROFS', '57P01', '57P03', '53300', '08006', '25006', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED']) {
      expect(databaseUnavailable(error(code)), code).toBe(true);
    }
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not count a fault in the request or the data, or a refused login', () => {
    for (const code of ['23505', '22P02', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CORRUPT', 'SQLITE_FULL', '28P01', '3D000']) expect(databaseUnavailable(error(code)), code).toBe(false);
    expect(databaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(databaseUnavailable(null)).toBe(false);
  });

  it('tells a wrong password or a missing database apart, which waiting would not mend', () => {
    expect([databaseRefused(error('28P01')), databaseRefused(error('28000')), databaseRefused(error('3D000')), databaseRefused(error('57P03'))]).toEqual([true, true, true, false]);
  });

  it('words the reason with the code once', () => {
    expect(unavailableReason(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999'))).toBe('connect ECONNREFUSED 127.0.0.1:5999');
    expect(unavailableReason(error('28P01', 'password authentication failed for user "ann"'))).toBe('28P01: password authentication failed for user "ann"');
  });
});
