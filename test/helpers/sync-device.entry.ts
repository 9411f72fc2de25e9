import { createBackend } from '../../electron/backend/backend';

/**
 * Run in a child process by the sync fault tests: a device backend on a data folder that writes
 * notes and syncs, over and over, until it is killed. Every note the backend acknowledged is
 * printed as `ack <id>` right after the call returns, so the parent knows what must survive.
 */
const [dataDir, contentDir] = process.argv.slice(2);
if (!dataDir || !contentDir) {
  console.error('usage: sync-device <dataDir> <contentDir>');
  process.exit(2);
}

void (async () => {
  const backend = await createBackend({ dataDir, contentDir, host: 'web', appVersion: '0.0.0-test', log: () => {}, sync: { autoIntervalMs: 0 } });
  for (let round = 0; ; round++) {
    for (let i = 0; i < 20; i++) {
      const created = await backend.call('notes.create', { title: `Round ${round} note ${i}` });
      if (created.ok) process.stdout.write(`ack ${(created.value as { id: string }).id}\n`);
    }
    const synced = await backend.call('sync.now', {});
    process.stdout.write(`sync ${synced.ok ? 'ok' : synced.error.key}\n`);
  }
})();
