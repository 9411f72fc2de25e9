/**
 * The one thing the store needs from a database: run a statement with `?` placeholders, and run
 * work in a transaction. SQLite (better-sqlite3) and PostgreSQL (pg) both provide it, so every
 * query in store.ts is written once and behaves the same on both.
 */
export type SqlValue = string | number | bigint | null | Buffer;
export type SqlRow = Record<string, unknown>;

export type Sql = {
  readonly dialect: 'sqlite' | 'postgres';
  all<T extends SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction (inside it, `tx` is the only way to the database). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function one<T extends SqlRow>(sql: Sql, text: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
  return (await sql.all<T>(text, params))[0];
}
