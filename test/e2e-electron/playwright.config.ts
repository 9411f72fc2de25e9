import { defineConfig } from '@playwright/test';

// For machines that have the Electron binary (not CI here): npx playwright test -c test/e2e-electron/playwright.config.ts
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
