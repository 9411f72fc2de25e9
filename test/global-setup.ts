import { buildDocxWorker } from './helpers/docx-worker';

/** Once per vitest run, before any test file: what the backend needs built (a worker thread loads JavaScript, not our TypeScript). */
export default async function setup(): Promise<void> {
  await buildDocxWorker();
}
