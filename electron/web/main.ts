import fs from 'node:fs';
import path from 'node:path';
import { defaultWebDataDir, parsePort, webContentDir } from './config';
import { startWebHost } from './server';

/**
 * `npm run web` / `node dist/web/server.cjs [--port N]`: serves the built app on 127.0.0.1 and
 * prints the URL with its secret on the first line (tests parse it) and the data folder on the next.
 */

async function main(): Promise<void> {
  // The bundle runs from dist/web/; the repository (or installed app) root is two folders up.
  const root = path.resolve(__dirname, '..', '..');
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The app is not built (${rendererDir} has no index.html). Run "npm run build" first.`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  const dataDir = defaultWebDataDir();
  const host = await startWebHost({
    port: parsePort(process.argv.slice(2), process.env),
    dataDir,
    contentDir: webContentDir(root),
    rendererDir,
    appVersion: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
  });
  // Handlers first: whoever reads the URL may signal us right away.
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.error(`Fieldbench web: ${signal}, shutting down`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Fieldbench web: ${host.url}`);
  console.log(`Data folder: ${dataDir} (set FIELDBENCH_DATA_DIR to use another)`);
  if (host.startupProblem !== null) {
    console.error(`Fieldbench web: ${host.startupProblem}\nThe app opens and shows this; every call answers "unavailable" until it is fixed and the host restarted.`);
  }
}

main().catch((error: unknown) => {
  console.error(`Fieldbench web could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
