import { launchBackend } from '../../electron/backend/launch';

/** Run in a child process: opens a data folder the way a host does, prints "ready" and holds it until killed. */
const [dataDir, contentDir] = process.argv.slice(2);
if (!dataDir || !contentDir) {
  console.error('usage: hold-folder <dataDir> <contentDir>');
  process.exit(2);
}
const launched = launchBackend({ dataDir, contentDir, host: 'web', appVersion: '0.0.0-test', log: () => {} });
void launched.started.then((failure) => {
  if (failure !== null) {
    console.error(failure);
    process.exit(1);
  }
  process.stdout.write('ready\n');
  setInterval(() => {}, 60_000);
});
