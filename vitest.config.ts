import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['{protocol,server,sdk,widget,inbox,e2e}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and process-restart tests share one machine with 2 cores: keep concurrency modest.
    maxWorkers: 2,
  },
});
