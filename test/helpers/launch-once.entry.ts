import { launchBackend } from '../../electron/backend/launch';

/**
 * Run in a child process (as another user, see launch-as.ts): launches the backend on a data
 * folder the way the hosts do, makes one call, prints what happened as one line of JSON and exits.
 */
const [dataDir, contentDir] = process.argv.slice(2);
if (!dataDir || !contentDir) {
  console.error('usage: launch-once <dataDir> <contentDir>');
  process.exit(2);
}
const launched = launchBackend({ dataDir, contentDir, host: 'web', appVersion: '0.0.0-test', log: () => {} });
void (async () => {
  const started = await launched.started;
  const info = await launched.call('app.info', {});
  launched.close();
  process.stdout.write(`${JSON.stringify({ started, call: info })}\n`);
})();
