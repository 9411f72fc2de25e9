import { createBackend } from '../../electron/backend/backend';

/**
 * Run in a child process by the two-writers test: a second backend on a data folder another
 * process already uses. The folder lock is handed in as held (`folderLock`) — the very situation
 * the lock prevents — to prove that even then no acknowledged save is overwritten unseen. Saves
 * each note in turn from its freshly read revision and prints every outcome as one JSON line.
 */
type Outcome = { id: string; title: string; base: string; ok: true; updatedAt: string } | { id: string; title: string; base: string; ok: false; code: string };

const [dataDir, contentDir, idsJson, roundsText, tag] = process.argv.slice(2);
if (!dataDir || !contentDir || !idsJson || !roundsText || !tag) {
  console.error('usage: note-writer <dataDir> <contentDir> <ids-json> <rounds> <tag>');
  process.exit(2);
}
const ids = JSON.parse(idsJson) as string[];
const rounds = Number(roundsText);

void (async () => {
  const backend = await createBackend({ dataDir, contentDir, host: 'web', appVersion: '0.0.0-test', log: () => {}, folderLock: { release: () => {} } });
  const outcomes: Outcome[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const id of ids) {
      const read = await backend.call('notes.get', { id });
      if (!read.ok) throw new Error(`notes.get failed: ${read.error.code}`);
      const base = (read.value as { updatedAt: string }).updatedAt;
      const title = `${tag} ${round}`;
      const saved = await backend.call('notes.save', { id, title, baseUpdatedAt: base });
      outcomes.push(saved.ok ? { id, title, base, ok: true, updatedAt: (saved.value as { updatedAt: string }).updatedAt } : { id, title, base, ok: false, code: saved.error.code });
    }
  }
  backend.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
})();
