import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Domain } from '../domain/index.js';
import type { AdapterConstructor } from '../scale/index.js';
import { type AgentNamespace, attachAgentNamespace } from './agent-namespace.js';
import { startFanout } from './fanout.js';
import { originGate } from './origin-gate.js';
import { guardSlowConsumers } from './slow-consumer-guard.js';
import { MAX_QUEUED_BYTES, MAX_SOCKET_PAYLOAD } from './socket-limits.js';
import { attachVisitorNamespace, type VisitorNamespace } from './visitor-namespace.js';

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  publicUrl: string;
  /** Socket.IO's cluster adapter (Redis Streams) when several nodes share the sockets; in memory otherwise. */
  adapter?: AdapterConstructor;
}

export function createRealtime(httpServer: HttpServer, domain: Domain, logger: Logger, { publicUrl, adapter }: RealtimeOptions): Realtime {
  const io = new Server(httpServer, {
    adapter,
    // A socket back within two minutes gets its rooms, data and the packets it missed (kept in
    // Redis with the Streams adapter, so on any node). Our own catch-up by seq still runs after
    // every reconnect: recovery saves round trips, it is not what guarantees delivery. The
    // middlewares run again: a session revoked meanwhile must not come back through recovery.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    path: '/socket.io',
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD,
    allowRequest: originGate(domain, publicUrl),
    // The widget connects from other origins; the gate above, not CORS, decides who may.
    cors: { origin: true, credentials: false },
    // A socket that stops answering (gone, or no longer reading) is dropped after these, and what
    // was queued for it with it. SOCKET_PING_INTERVAL_MS / SOCKET_PING_TIMEOUT_MS shorten them for
    // fault tests that wait for such a drop (server/faults/); people never need them.
    pingInterval: Number(process.env.SOCKET_PING_INTERVAL_MS) || 25_000,
    pingTimeout: Number(process.env.SOCKET_PING_TIMEOUT_MS) || 20_000,
    serveClient: false,
  });
  guardSlowConsumers(io.engine, { maxQueuedBytes: MAX_QUEUED_BYTES, onDrop: () => logger.warn('closed a connection that stopped reading') });
  const visitors = io.of('/visitor') as VisitorNamespace;
  const agents = io.of('/agent') as AgentNamespace;
  attachVisitorNamespace(visitors, domain, logger);
  attachAgentNamespace(agents, domain, logger, publicUrl);
  const stopFanout = startFanout(domain, visitors, agents, logger);
  return {
    io,
    close: () =>
      new Promise((resolve) => {
        stopFanout();
        io.close(() => resolve());
      }),
  };
}
