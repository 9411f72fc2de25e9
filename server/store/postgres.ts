import pg from 'pg';
import type { Sql, SqlRow, SqlValue } from './sql';

/**
 * PostgreSQL for deployments that run several server processes behind a load balancer: a pool
 * per process, every statement written with `?` placeholders (numbered here). BIGINT columns come
 * back as numbers (sequence numbers and sizes stay far below 2^53).
 */
pg.types.setTypeParser(20, (value: string) => Number(value));

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Every statement as a named prepared statement: PostgreSQL parses and plans each once per
 * connection instead of on every call (the store runs a few dozen distinct statements).
 */
const prepared = new Map<string, { name: string; text: string }>();
function statement(sql: string): { name: string; text: string } {
  let found = prepared.get(sql);
  if (!found) prepared.set(sql, (found = { name: `fieldbench_${prepared.size + 1}`, text: numbered(sql) }));
  return found;
}

export function openPostgres(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  // No JIT compilation: every statement here takes well under a millisecond, and compiling one
  // takes tens. Right after a large publication, before PostgreSQL has analysed the messages,
  // the planner thought a sync's exchange costly enough to compile on every call: the first
  // burst of 500 devices took 2.4 s of the database's CPU instead of 0.4 s. Set per connection
  // (queued before anything else on it), not as a startup option, which connection poolers such
  // as PgBouncer refuse.
  pool.on('connect', (client) => {
    client.query('SET jit = off').catch(() => undefined);
  });
  const over = (client: pg.Pool | pg.PoolClient, inTransaction: boolean): Sql => ({
    dialect: 'postgres',
    all: async <T extends SqlRow>(sql: string, values: readonly SqlValue[] = []) => (await client.query({ ...statement(sql), values: values as SqlValue[] })).rows as T[],
    run: async (sql, values = []) => ({ changes: (await client.query({ ...statement(sql), values: values as SqlValue[] })).rowCount ?? 0 }),
    transaction: async (work) => {
      if (inTransaction) return work(over(client, true));
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        const result = await work(over(tx, true));
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    close: () => pool.end(),
  });
  return over(pool, false);
}
