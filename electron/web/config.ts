import os from 'node:os';
import path from 'node:path';

// Where the browser host runs: its data folder and port, from the environment and command line.

/** Where the browser host keeps its data unless FIELDBENCH_DATA_DIR says otherwise. */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FIELDBENCH_DATA_DIR) return path.resolve(env.FIELDBENCH_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'fieldbench-web');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'fieldbench-web');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'fieldbench-web');
}

/**
 * The content pack the host imports: FIELDBENCH_CONTENT_DIR (a content author trying a pack, or a
 * test bringing a newer one to a data folder), else the bundled one under the repository root.
 */
export function webContentDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.FIELDBENCH_CONTENT_DIR ? path.resolve(env.FIELDBENCH_CONTENT_DIR) : path.join(root, 'resources', 'content');
}

const DEFAULT_PORT = 5717;

/** The port from `--port N`, `--port=N` or FIELDBENCH_PORT (the flag wins); 0 picks a free port. */
export function parsePort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let raw: string | undefined = env.FIELDBENCH_PORT;
  let source = 'FIELDBENCH_PORT';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') {
      raw = argv[i + 1];
      source = '--port';
      i++;
    } else if (arg.startsWith('--port=')) {
      raw = arg.slice('--port='.length);
      source = '--port';
    }
  }
  if (raw === undefined || raw === '') {
    if (source === '--port') throw new Error('--port needs a number from 0 to 65535 (0 picks a free port).');
    return DEFAULT_PORT;
  }
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`Invalid port "${raw}" from ${source}: use a number from 0 to 65535 (0 picks a free port).`);
  return port;
}
