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

export function openPostgres(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const over = (client: pg.Pool | pg.PoolClient, inTransaction: boolean): Sql => ({
    dialect: 'postgres',
    all: async <T extends SqlRow>(sql: string, values: readonly SqlValue[] = []) => (await client.query(numbered(sql), values as SqlValue[])).rows as T[],
    run: async (sql, values = []) => ({ changes: (await client.query(numbered(sql), values as SqlValue[])).rowCount ?? 0 }),
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
