import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The renderer end to end, in Debian's Chromium against the browser host (dist/web/server.cjs,
 * started per worker by fixtures.ts). Browsers are never downloaded on these machines.
 * Run with `npm run test:e2e` (builds first) or as part of `npm test`.
 */

const root = path.resolve(import.meta.dirname, '..', '..');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Two cores shared with other work: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  // Reporter paths are absolute so the JSON lands in <repo>/test-results whatever the cwd.
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results', 'e2e.json') }]],
  outputDir: path.join(root, 'test-results', 'e2e-artifacts'),
  use: {
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
