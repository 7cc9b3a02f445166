/**
 * Integration-test helpers: a real Parley server on a random port with its own
 * SQLite file, and real clients (fetch, socket.io-client) that talk to it the way
 * the SDK, the widget and the inbox do.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  BootResult,
  ContentSnapshot,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '../../protocol/index.js';
import { readConfig } from '../config.js';
import { computeUserHash } from '../domain/identity/index.js';
import { type RunningServer, startServer } from '../start.js';
import { createTestDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@test.local', password: 'correct horse battery' };
export const IDENTITY_SECRET = 'test-identity-secret';

export interface TestServer extends RunningServer {
  dir: string;
  origin: string;
  stop(): Promise<void>;
  /** Only on the first instance: stops it (an outage) and starts a new one on the same port and database. */
  restart?: (whileDown?: () => Promise<void>) => Promise<TestServer>;
  /** Another node on the same database and Redis (when REDIS_URL is set), on its own port; its stop leaves the data. */
  peer(): Promise<TestNode>;
}

export interface TestNode extends RunningServer {
  stop(): Promise<void>;
}

/** The machine's Redis (127.0.0.1:6379 here and in CI); PARLEY_TEST_REDIS overrides it. */
export const TEST_REDIS_URL = process.env.PARLEY_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  const database = await createTestDatabase(dir);
  const config = readConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      UPLOADS_DIR: join(dir, 'uploads'),
      PUBLIC_URL: 'http://127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      IDENTITY_SECRET,
      LOG_LEVEL: 'silent',
      // Each test server's keys and streams apart from the others' in the shared Redis.
      REDIS_PREFIX: `parley-test-${randomBytes(6).toString('hex')}`,
      ...env,
    },
  );
  const server = await startServer(config, pino({ level: 'silent' })).catch(async (err: unknown) => {
    // Under heavy parallel load a Postgres test server has (rarely) found its freshly created schema
    // missing when migrating; the cause is not found yet (see the stop-15 note). Make sure it exists
    // and try once more, so one unexplained hiccup in test set-up does not fail a whole file.
    if (!(err instanceof Error && /schema .* does not exist/.test(err.message))) throw err;
    await database.ensure();
    return startServer(config, pino({ level: 'silent' }));
  });
  const peers: TestNode[] = [];
  return {
    ...server,
    dir,
    origin: server.url,
    stop: async () => {
      await Promise.all(peers.map((p) => p.stop()));
      await server.close();
      await database.drop();
      if (config.redisUrl) await dropRedisKeys(config.redisUrl, config.redisPrefix);
      rmSync(dir, { recursive: true, force: true });
    },
    peer: async () => {
      const node = await startServer(config, pino({ level: 'silent' }));
      const peer: TestNode = { ...node, stop: () => node.close() };
      peers.push(peer);
      return peer;
    },
    restart: async (whileDown?: () => Promise<void>) => {
      await server.close();
      await whileDown?.();
      const again = await startServer({ ...config, port: server.port }, pino({ level: 'silent' }));
      return { ...again, dir, origin: again.url, peer: () => Promise.reject(new Error('peer() of a restarted test server')), stop: async () => {
        await again.close();
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      } };
    },
  };
}

/** Removes a test server's keys and streams from Redis. */
export async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** POST to a widget endpoint the way the SDK does (text/plain JSON, Origin set). */
export async function widgetPost<T = unknown>(base: string, path: string, body: unknown, origin = base): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1/widget/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: origin },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function bootVisitor(base: string, extra: Record<string, unknown> = {}): Promise<BootResult> {
  const res = await widgetPost<BootResult>(base, 'boot', { appId: 'demo', ...extra });
  if (res.status !== 200) throw new Error(`boot failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export function connectVisitor(base: string, token: string, origin = base): Promise<VisitorSocket> {
  const socket: VisitorSocket = io(`${base}/visitor`, {
    auth: { token },
    query: { appId: 'demo' },
    transports: ['websocket'],
    extraHeaders: { origin },
    reconnection: false,
    forceNew: true,
  });
  return connected(socket);
}

export function connectAgent(base: string, cookie: string, origin = base): Promise<AgentSocket> {
  const socket: AgentSocket = io(`${base}/agent`, {
    transports: ['websocket'],
    extraHeaders: { origin, cookie },
    reconnection: false,
    forceNew: true,
  });
  return connected(socket);
}

function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Logs an agent in; returns the cookie header and CSRF token for later requests. */
export async function loginAgent(base: string, creds = ADMIN): Promise<{ cookie: string; csrf: string; agentId: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify(creds),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken: string; agent: { id: string } };
  return { cookie: setCookie.split(';')[0], csrf: body.csrfToken, agentId: body.agent.id };
}

/** An admin REST call with the agent's cookie session (CSRF + Origin as the inbox sends them). */
export async function adminFetch<T = unknown>(
  base: string,
  session: { cookie: string; csrf: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      Cookie: session.cookie,
      'X-CSRF-Token': session.csrf,
      Origin: base,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Resolves with the next `event` on a socket (or rejects after `ms`). */
export function nextEvent<T>(socket: Socket, event: string, ms = 5_000, where: (p: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}

/**
 * A widget's visitor for content tests: booted (identified as `user.id`, with a
 * valid userHash, when `user` is given), its socket, and the content requests
 * the widget makes. The caller closes `socket`.
 */
export async function contentVisitor(base: string, user?: { id: string; name?: string; traits?: Record<string, string | number> }) {
  const boot = await bootVisitor(base, user ? { user: { ...user, userHash: computeUserHash(IDENTITY_SECRET, user.id) } } : {});
  const socket = await connectVisitor(base, boot.token);
  const list = async (): Promise<ContentSnapshot> => {
    const r = await socket.emitWithAck('content:list', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const claim = async (messageId: string): Promise<string> => {
    const r = await socket.emitWithAck('content:claim', { messageId });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.deliveryId;
  };
  return { boot, socket, list, claim };
}
