import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Builds the Word-import worker thread (test/helpers/docx-worker.ts).
    globalSetup: ['test/global-setup.ts'],
    // Integration tests open real SQLite files; forks isolate native handles between files.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
