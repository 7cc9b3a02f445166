import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Domain } from '../domain/index.js';
import { type AgentNamespace, attachAgentNamespace } from './agent-namespace.js';
import { startFanout } from './fanout.js';
import { originGate } from './origin-gate.js';
import { MAX_SOCKET_PAYLOAD } from './socket-limits.js';
import { attachVisitorNamespace, type VisitorNamespace } from './visitor-namespace.js';

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

export function createRealtime(httpServer: HttpServer, domain: Domain, logger: Logger, publicUrl: string): Realtime {
  const io = new Server(httpServer, {
    path: '/socket.io',
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD,
    allowRequest: originGate(domain, publicUrl),
    // The widget connects from other origins; the gate above, not CORS, decides who may.
    cors: { origin: true, credentials: false },
    pingInterval: 25_000,
    pingTimeout: 20_000,
    serveClient: false,
  });
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
