import os from 'node:os';
import path from 'node:path';

/** Where the browser host keeps its data unless FIELDBENCH_DATA_DIR says otherwise. */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FIELDBENCH_DATA_DIR) return path.resolve(env.FIELDBENCH_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'fieldbench-web');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'fieldbench-web');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'fieldbench-web');
}
