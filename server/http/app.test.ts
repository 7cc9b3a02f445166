import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { testStoreKind } from '../test-support/test-database.js';

describe('DEMO=off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO: 'off' });
  });
  afterAll(() => server.stop());

  it('removes the demo page (which hands out a valid identity) and sends / to the inbox', async () => {
    const demo = await fetch(`${server.url}/demo/`);
    expect(demo.status).toBe(404);
    expect((await demo.json()).error.code).toBe('not_found');
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/inbox/');
  });

  it('answers /health with the store kind', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(await res.json()).toEqual({ ok: true, store: testStoreKind() });
  });
});
