import path from 'node:path';
import { defineConfig } from '@playwright/test';

// For machines that have the Electron binary (not part of npm test here):
//   npm run build && node scripts/native-electron.mjs && npx playwright test -c test/e2e-electron/playwright.config.ts
const root = path.resolve(import.meta.dirname, '..', '..');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: path.join(root, 'test-results', 'e2e-electron-artifacts'),
});
