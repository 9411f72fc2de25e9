import fs from 'node:fs';
import path from 'node:path';
import { defaultWebDataDir } from './data-dir';
import { startWebHost } from './server';

/** `npm run web`: serve the built app on 127.0.0.1 and print the URL with its secret. */

function parsePort(argv: string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.indexOf('--port');
  const raw = flag >= 0 ? argv[flag + 1] : env.FIELDBENCH_PORT;
  if (raw === undefined) return 5717;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port "${raw}": use a number from 0 to 65535.`);
  return port;
}

async function main(): Promise<void> {
  // The bundle lives in dist/web/; the repository root is two folders up.
  const root = path.resolve(__dirname, '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const dataDir = defaultWebDataDir();
  const host = await startWebHost({
    port: parsePort(process.argv.slice(2), process.env),
    dataDir,
    contentDir: path.join(root, 'resources', 'content'),
    rendererDir: path.join(root, 'dist', 'renderer'),
    appVersion: pkg.version,
  });
  console.log(`Fieldbench web: ${host.url}`);
  console.log(`Data folder: ${dataDir} (set FIELDBENCH_DATA_DIR to use another)`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
