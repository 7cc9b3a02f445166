import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, startTestServer, type TestServer } from '../server/test-support/test-server.js';
import { createEventBatcher } from './event-batcher.js';
import type { KeyValueStore } from './storage.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

const storedNames = async (contactId: string) =>
  (await server.domain.db.selectFrom('events').select('name').where('contact_id', '=', contactId).orderBy('occurred_at').execute()).map((r) => r.name);

describe('event batcher against the real server', () => {
  it('keeps events while the server is unreachable and sends each once when it is back — also after a reload', async () => {
    const { token, contactId } = await bootVisitor(server.url);
    const storage = memoryStore();
    let apiBase = 'http://127.0.0.1:9'; // nothing listens here: a network failure
    const errors: unknown[] = [];
    // The SDK runs on the host page: requests carry its Origin (Node's fetch lets us set it only via a wrapper).
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => realFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: 'http://localhost:5173' } });
    try {
      const batcher = createEventBatcher({ apiBase: () => apiBase, token: () => token, storage, report: (e) => errors.push(e) });
      batcher.add({ type: 'track', name: 'first' });
      batcher.add({ type: 'track', name: 'second' });
      await batcher.flush();
      expect(batcher.pending()).toBe(2);
      expect(JSON.parse(storage.data.get('events') ?? '[]')).toHaveLength(2);

      // "Reload": a new batcher on the same storage finds the queued events.
      apiBase = server.url;
      const afterReload = createEventBatcher({ apiBase: () => apiBase, token: () => token, storage, report: (e) => errors.push(e) });
      expect(afterReload.pending()).toBe(2);
      await afterReload.flush();
      await afterReload.flush();
      expect(afterReload.pending()).toBe(0);
      expect(storage.data.has('events')).toBe(false);
      expect(await storedNames(contactId)).toEqual(['first', 'second']);
      expect(errors).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('stops and forgets queued events when consent is withdrawn', () => {
    const storage = memoryStore();
    const batcher = createEventBatcher({ apiBase: () => 'http://127.0.0.1:9', token: () => null, storage, report: () => {} });
    batcher.add({ type: 'track', name: 'x' });
    batcher.setEnabled(false);
    batcher.add({ type: 'track', name: 'y' });
    expect(batcher.pending()).toBe(0);
    expect(storage.data.has('events')).toBe(false);
  });
});
