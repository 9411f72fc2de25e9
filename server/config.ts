import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { migrateServer } from './store/schema';
import { openPostgres } from './store/postgres';
import type { Sql } from './store/sql';
import { openSqlite } from './store/sqlite';
import { databaseRefused, databaseUnavailable, unavailableReason } from './store/unavailable';

/** The server's settings, all from the environment (see README.md, "The central repository"). */
export type ServerConfig = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  logLevel: string;
  /** How long a starting server waits for its database to answer (it may be starting too). */
  databaseWaitMs: number;
  /**
   * The reverse proxies whose X-Forwarded-For names the client (addresses or CIDR ranges); empty:
   * the connection's own address is the client's, and the header is ignored (anyone may send it).
   */
  trustProxy: string[];
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
  const wait = Number(env.FIELDBENCH_DATABASE_WAIT ?? '60');
  if (!Number.isFinite(wait) || wait < 0 || wait > 3600) throw new ConfigError(`FIELDBENCH_DATABASE_WAIT must be seconds (0-3600), not "${env.FIELDBENCH_DATABASE_WAIT ?? ''}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// address');
  return {
    trustProxy: trustedProxies(env.TRUST_PROXY ?? ''),
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.FIELDBENCH_SERVER_DATA ?? 'server-data'),
    databaseUrl,
    tls,
    logLevel: env.LOG_LEVEL ?? 'info',
    databaseWaitMs: wait * 1000,
  };
}

/**
 * TRUST_PROXY: comma-separated addresses or CIDR ranges of the reverse proxies in front of the
 * server. Behind a proxy every request comes from the proxy's address, so without this the
 * sign-in limit per address would be one limit for everybody and the audit log would name the
 * proxy.
 */
function trustedProxies(value: string): string[] {
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = net.isIP(address);
    const width = family === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= width);
    if (family === 0 || !validBits || extra !== undefined) throw new ConfigError(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range (for example 127.0.0.1 or 10.0.0.0/8)`);
  }
  return entries;
}

/** The database named without its password, for messages: the PostgreSQL host, port and database, or the SQLite folder. */
export function databaseName(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl === null) return `SQLite in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'PostgreSQL at DATABASE_URL';
  }
}

export type StoreWait = {
  /** How long to keep trying while the database cannot be reached; 0 tries once. */
  waitMs: number;
  /** Called before each new attempt, with why the last one failed. */
  onWait?: (attempt: number, reason: string) => void;
};

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else SQLite in the data
 * folder) and brings its schema up to date. While the database cannot be reached it tries again,
 * a little less often each time, for `waitMs` (a server and its database started together), then
 * gives up with a ConfigError that names the database and the reason.
 */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, wait: StoreWait = { waitMs: 0 }): Promise<Sql> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const sql = config.databaseUrl === null ? openSqlite(config.dataDir) : openPostgres(config.databaseUrl);
    try {
      await migrateServer(sql);
      return sql;
    } catch (error) {
      await sql.close().catch(() => undefined);
      // Refused for good (a wrong password or user, no such database): waiting would not help.
      if (databaseRefused(error)) throw new ConfigError(`the database refused the connection (${databaseName(config)}): ${unavailableReason(error)}. Check DATABASE_URL.`);
      if (!databaseUnavailable(error)) throw error;
      const reason = unavailableReason(error);
      const pause = Math.min(5000, 250 * 2 ** attempt);
      if (Date.now() - started + pause > wait.waitMs) {
        const waited = wait.waitMs > 0 ? ` after trying for ${Math.round((Date.now() - started) / 1000)} s` : '';
        const check = config.databaseUrl === null ? 'Check that the data folder can be written and that no other process holds the database.' : 'Check DATABASE_URL and that the database is running.';
        throw new ConfigError(`cannot reach the database (${databaseName(config)})${waited}: ${reason}. ${check}`);
      }
      wait.onWait?.(attempt, reason);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
