import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement for this connection, prepared once: hot paths (the write funnel, sync's
 * apply and outbox) run the same few statements thousands of times per second, and preparing is
 * most of a statement's cost.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
