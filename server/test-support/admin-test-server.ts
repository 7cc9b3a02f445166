/**
 * The set-up most integration test files share (vitest hooks, so in a file of
 * its own: benchmarks import test-server.ts outside vitest).
 */
import { afterAll, beforeAll } from 'vitest';
import { adminFetch, loginAgent, startTestServer, type TestServer, type VisitorSocket } from './test-server.js';

export interface AdminTestServer {
  readonly server: TestServer;
  readonly session: { cookie: string; csrf: string; agentId: string };
  /** Visitor sockets a test opened: closed after the file's tests. */
  readonly sockets: VisitorSocket[];
  /** The admin REST API as the logged-in admin. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/**
 * The set-up most integration test files share: a real server for the file's
 * tests with the admin logged in (`server` and `session` are there once the
 * file's `beforeAll` ran), and its sockets and server stopped after them.
 */
export function useAdminTestServer(env: Record<string, string> = {}): AdminTestServer {
  let server: TestServer | undefined;
  let session: AdminTestServer['session'] | undefined;
  const sockets: VisitorSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer(env);
    session = await loginAgent(server.url);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAdminTestServer: used before its beforeAll ran');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get session() {
      return ready(session);
    },
    sockets,
    api: (method, path, body) => adminFetch(ready(server).url, ready(session), method, path, body),
  };
}
