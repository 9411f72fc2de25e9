import { afterEach } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { FIXTURE_PACK } from './backend';
import { makeTempDir } from './temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * A data folder as a newer Fieldbench leaves it: its database has applied a migration this build
 * does not ship, so this build refuses to open it. Removed after the test.
 */
export async function newerDataFolder(): Promise<string> {
  const { dir, cleanup } = makeTempDir('fieldbench-newer-');
  cleanups.push(cleanup);
  const backend = await createBackend({ dataDir: dir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
  backend.db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, 'from-a-newer-fieldbench', '2030-01-01T00:00:00.000Z')").run(MIGRATIONS.length + 1);
  backend.close();
  return dir;
}
