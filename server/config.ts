import fs from 'node:fs';
import path from 'node:path';
import { migrateServer } from './store/schema';
import { openPostgres } from './store/postgres';
import type { Sql } from './store/sql';
import { openSqlite } from './store/sqlite';

/** The server's settings, all from the environment (see README.md, "The central repository"). */
export type ServerConfig = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  logLevel: string;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (0-65535), not "${env.PORT ?? ''}"`);
  const certFile = env.TLS_CERT_FILE;
  const keyFile = env.TLS_KEY_FILE;
  if ((certFile === undefined) !== (keyFile === undefined)) throw new ConfigError('set both TLS_CERT_FILE and TLS_KEY_FILE for HTTPS, or neither (behind a TLS reverse proxy)');
  let tls: ServerConfig['tls'] = null;
  if (certFile !== undefined && keyFile !== undefined) {
    try {
      tls = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
    } catch (error) {
      throw new ConfigError(`the TLS certificate or key could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// address');
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.FIELDBENCH_SERVER_DATA ?? 'server-data'),
    databaseUrl,
    tls,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else SQLite in the data folder) and brings its schema up to date. */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Sql> {
  const sql = config.databaseUrl === null ? openSqlite(config.dataDir) : openPostgres(config.databaseUrl);
  try {
    await migrateServer(sql);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return sql;
}
