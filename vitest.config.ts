import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and process-restart tests share one machine with 2 cores: keep concurrency modest.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['{protocol,server,sdk,widget,inbox,e2e,scripts}/**/*.test.{ts,tsx}'] } },
      {
        // The server's tests again on PostgreSQL (127.0.0.1:5432, database `test`), each
        // test server in a schema of its own (server/test-support/test-database.ts).
        extends: true,
        test: {
          name: 'postgres',
          include: ['server/**/*.test.ts'],
          // The fault tests pick their stores themselves (Postgres + Redis where it matters), and the
          // crash-restart test is about SQLite's file: run once, in the sqlite project.
          exclude: ['server/faults/**', 'server/delivery-restart.test.ts'],
          env: { PARLEY_TEST_STORE: 'postgres' },
          globalSetup: ['server/test-support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
