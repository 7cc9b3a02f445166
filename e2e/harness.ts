/**
 * The set-up every browser test shares: a real server on a random port and one
 * Chromium, started before the file's tests and stopped after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.js';
import { launchChromium } from './browser.js';

export interface E2eEnv {
  server: TestServer;
  browser: Browser;
}

export function useServerAndBrowser(env: Record<string, string> = {}): E2eEnv {
  const shared = {} as E2eEnv;
  beforeAll(async () => {
    shared.server = await startTestServer(env);
    shared.browser = await launchChromium();
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}
