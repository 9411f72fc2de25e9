import { createApp } from './app';
import { listUsers } from './store/store';
import { ConfigError, databaseName, openStore, readConfig } from './config';

/**
 * `npm run server`: the central repository. Settings come from the environment (README.md). It
 * stops gracefully on SIGTERM or SIGINT: no new connections, requests in flight finish, then the
 * database is closed.
 */
async function main(): Promise<void> {
  const config = readConfig();
  // Before the app (and its logger) exists, waiting is logged as the app logs: one JSON line.
  const sql = await openStore(config, {
    waitMs: config.databaseWaitMs,
    onWait: (attempt, reason) => console.log(JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, database: databaseName(config), attempt, reason, msg: 'waiting for the database' })),
  });
  const app = createApp({ sql, logger: { level: config.logLevel }, https: config.tls ?? undefined, trustProxy: config.trustProxy });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    void app
      .close()
      .then(() => sql.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const address = await app.listen({ host: config.host, port: config.port }).catch(async (error: unknown) => {
    await sql.close();
    // The usual first-start trouble, in words: another process (often a server already running) holds the port.
    if (isCode(error, 'EADDRINUSE')) throw new ConfigError(`${config.host}:${config.port} is already in use (is a server already running there?); set PORT to another port`);
    if (isCode(error, 'EACCES')) throw new ConfigError(`this account may not listen on ${config.host}:${config.port} (ports below 1024 need privileges); set PORT to another port`);
    if (isCode(error, 'EADDRNOTAVAIL')) throw new ConfigError(`HOST ${config.host} is not an address of this machine`);
    throw error;
  });
  app.log.info({ address, database: config.databaseUrl === null ? `sqlite in ${config.dataDir}` : 'postgresql' }, 'fieldbench server listening');
  // A first start: nobody can enrol a device until an account exists.
  if ((await listUsers(sql)).length === 0) app.log.warn('no accounts yet: create one with npm run server:admin -- user add <name> --role consultant|presales|knowledge_manager|admin');
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `fieldbench server: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
