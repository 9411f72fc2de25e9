import { launchBackend } from '../../../electron/backend/launch';

/**
 * The backend as a host runs it, in a child process the fault script kills at random. Calls come
 * over the fork IPC channel as { id, method, args } and are answered with { id, result } once the
 * backend has answered — the moment a UI would show "saved".
 */
const [dataDir, contentDir] = process.argv.slice(2);
if (!dataDir || !contentDir || !process.send) {
  console.error('usage (forked): host.entry <dataDir> <contentDir>');
  process.exit(2);
}
const send = process.send.bind(process);
const launched = launchBackend({ dataDir, contentDir, host: 'web', appVersion: '0.0.0-faults', log: () => {} });
void launched.started.then((failure) => send({ ready: failure }));
process.on('message', (m: { id: number; method: string; args: unknown }) => {
  void launched.call(m.method, m.args).then((result) => send({ id: m.id, result }));
});
process.on('SIGTERM', () => {
  launched.close();
  process.exit(0);
});
