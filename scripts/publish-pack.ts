/**
 * npm run publish:pack -- --server <url> --user <knowledge manager> <pack folder>
 *
 * Publishes a content pack (knowledge articles, templates, risk checklists, assessment
 * definitions, scenarios) through the central repository to every device. It checks the pack as
 * the app does (a pack with problems is not published), imports it into a throw-away device of
 * the knowledge manager (the password comes from FIELDBENCH_PASSWORD or the prompt), queues every
 * record in the published space and syncs. Devices take each record whose version is newer than
 * the one their own bundled pack holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { formatApiMessage, msg } from '../core/api/message';
import { createBackend } from '../electron/backend/backend';
import { transact } from '../electron/backend/db/changes';
import { publishPackContent } from '../electron/backend/sync/publish';
import { syncIdentity } from '../electron/backend/sync/state';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

async function password(): Promise<string> {
  if (process.env.FIELDBENCH_PASSWORD !== undefined) return process.env.FIELDBENCH_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => rl.question('Password: ', resolve));
  rl.close();
  return answer;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const server = option(args, '--server');
  const user = option(args, '--user');
  const folder = args.filter((a, i) => !a.startsWith('--') && !['--server', '--user'].includes(args[i - 1] ?? '')).at(-1);
  if (!server || !user || !folder) {
    console.error('usage: npm run publish:pack -- --server <url> --user <knowledge manager> <pack folder>');
    return 2;
  }
  if (!fs.existsSync(path.join(folder, 'pack.yaml'))) {
    console.error(`publish-pack: ${folder} is not a content pack (no pack.yaml)`);
    return 2;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-publish-'));
  const problems: string[] = [];
  const backend = await createBackend({
    dataDir,
    contentDir: path.resolve(folder),
    host: 'web',
    appVersion: 'publish-pack',
    log: (message) => problems.push(message),
    sync: { autoIntervalMs: 0 },
  });
  try {
    const status = await backend.call('content.status', {});
    const found = status.ok ? (status.value as { problems: { file: string; message: string }[] }).problems : [];
    if (found.length > 0) {
      for (const p of found.slice(0, 20)) console.error(`${p.file}: ${p.message}`);
      console.error(`publish-pack: the pack has ${found.length} problems; nothing was published`);
      return 2;
    }
    const enrolled = await backend.call('sync.enrol', { serverUrl: server, username: user, password: await password(), deviceName: `publish-pack on ${os.hostname()}` });
    if (!enrolled.ok) {
      // A connection failure ends by saying what happens next; for this command, nothing was published.
      const { key, params } = enrolled.error;
      console.error(`publish-pack: ${'then' in params ? formatApiMessage({ key, params: { ...params, then: msg('error.syncThenPublish') } }, 'en') : enrolled.error.message}`);
      return 2;
    }
    const identity = syncIdentity(backend.db);
    if (identity?.role !== 'knowledge_manager') {
      console.error(`publish-pack: ${user} is not a knowledge manager; only knowledge managers publish`);
      return 2;
    }
    // Enrolling queued nothing of the pack (pack records are on every device already); publishing does.
    const queued = transact(backend.db, () => publishPackContent(backend.db, identity));
    const run = await backend.call('sync.now', {});
    if (!run.ok) {
      console.error(`publish-pack: ${run.error.message}`);
      return 1;
    }
    console.log(`published ${queued} records to ${server}`);
    return 0;
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
