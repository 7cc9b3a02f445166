/**
 * The load balancer of `npm run cluster`: a tiny round-robin reverse proxy,
 * enough to try several nodes on one machine the way they run behind nginx or
 * a cloud balancer. HTTP requests and WebSocket upgrades each take the next
 * healthy node; no stickiness, because the widget and the inbox connect with
 * the websocket transport only (one TCP connection per socket, nothing to
 * route back to the same node). A node whose /health fails (down, or draining
 * during a graceful stop) is skipped until it answers ok again.
 *
 * Each response carries `X-Parley-Node` naming the node that answered, so a
 * trial (and the test) can see the traffic spread.
 *
 * @example const proxy = await startProxy({ port: 3000, upstreams: [{ name: 'node-1', host: '127.0.0.1', port: 3001 }] })
 */
import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Upstream {
  name: string;
  host: string;
  port: number;
}

export interface ProxyOptions {
  port: number;
  host?: string;
  upstreams: readonly Upstream[];
  /** How often each node's /health is asked (ms). */
  healthEveryMs?: number;
  onHealthChange?: (upstream: Upstream, healthy: boolean) => void;
}

export interface Proxy {
  port: number;
  healthy(): Upstream[];
  /** Stops accepting; open connections end when their node ends them (or at `destroy`). */
  stopAccepting(): void;
  /** Ends every connection still open. */
  destroy(): void;
}

/** Per-hop headers (RFC 9110 §7.6.1): never forwarded as they came. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function forwardedHeaders(req: IncomingMessage, drop: Set<string>): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(req.headers)) if (!drop.has(key) && !key.startsWith('x-forwarded-')) headers[key] = value;
  // The proxy is the trusted hop: the client's address, scheme and host as it saw them.
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  return headers;
}

function refused(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH';
}

export async function startProxy({ port, host = '0.0.0.0', upstreams, healthEveryMs = 2_000, onHealthChange }: ProxyOptions): Promise<Proxy> {
  const healthy = new Map(upstreams.map((u) => [u, false]));
  const agents = new Map(upstreams.map((u) => [u, new Agent({ keepAlive: true, maxSockets: 256 })]));
  const setHealth = (u: Upstream, ok: boolean) => {
    if (healthy.get(u) === ok) return;
    healthy.set(u, ok);
    onHealthChange?.(u, ok);
  };
  const check = (u: Upstream) =>
    fetch(`http://${u.host}:${u.port}/health`, { signal: AbortSignal.timeout(Math.min(1_500, healthEveryMs)) }).then(
      (res) => setHealth(u, res.ok),
      () => setHealth(u, false),
    );
  await Promise.all(upstreams.map(check));
  const timer = setInterval(() => void Promise.all(upstreams.map(check)), healthEveryMs);
  timer.unref();

  // Separate turns for requests and sockets: sockets spread evenly whatever the HTTP traffic in between.
  const turns = { http: 0, upgrade: 0 };
  const next = (kind: keyof typeof turns, skip: ReadonlySet<Upstream>): Upstream | undefined => {
    for (let i = 0; i < upstreams.length; i++) {
      const u = upstreams[(turns[kind] + i) % upstreams.length];
      if (healthy.get(u) && !skip.has(u)) {
        turns[kind] = (turns[kind] + i + 1) % upstreams.length;
        return u;
      }
    }
    return undefined;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, tried: Set<Upstream>) => {
    const u = next('http', tried);
    if (!u) {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'no_node', message: 'no healthy Parley node' } }));
      return;
    }
    tried.add(u);
    const up = request({ host: u.host, port: u.port, method: req.method, path: req.url, headers: forwardedHeaders(req, HOP_BY_HOP), agent: agents.get(u) }, (upRes) => {
      const headers: IncomingHttpHeaders = {};
      for (const [key, value] of Object.entries(upRes.headers)) if (!HOP_BY_HOP.has(key)) headers[key] = value;
      res.writeHead(upRes.statusCode ?? 502, { ...headers, 'x-parley-node': u.name });
      upRes.pipe(res);
    });
    up.on('error', (err) => {
      if (refused(err)) setHealth(u, false);
      // A request without a body can go to the next node when this one refused it outright.
      const bodiless = req.method === 'GET' || req.method === 'HEAD';
      if (!res.headersSent && refused(err) && bodiless) return forward(req, res, tried);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'bad_gateway', message: `${u.name}: ${err.message}` } }));
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    if (req.method === 'GET' || req.method === 'HEAD') up.end();
    else req.pipe(up);
  };

  const open = new Set<Duplex>();
  const track = (s: Duplex) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  };

  const tunnel = (req: IncomingMessage, client: Duplex, head: Buffer, tried: Set<Upstream>) => {
    const u = next('upgrade', tried);
    if (!u) {
      client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tried.add(u);
    const upstream: Socket = connect(u.port, u.host);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      track(upstream);
      upstream.setNoDelay(true);
      const headers = forwardedHeaders(req, new Set(['proxy-connection', 'keep-alive']));
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (const [key, value] of Object.entries(headers)) for (const v of Array.isArray(value) ? value : [value ?? '']) lines.push(`${key}: ${v}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (err) => {
      if (refused(err)) setHealth(u, false);
      if (!connected && refused(err)) return tunnel(req, client, head, tried);
      client.destroy();
    });
    upstream.on('close', () => {
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  };

  const server: Server = createServer((req, res) => forward(req, res, new Set()));
  server.on('connection', (s: Socket) => {
    s.setNoDelay(true);
    track(s);
  });
  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy());
    tunnel(req, client, head, new Set());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    healthy: () => upstreams.filter((u) => healthy.get(u)),
    stopAccepting: () => {
      clearInterval(timer);
      server.close();
    },
    destroy: () => {
      clearInterval(timer);
      server.close();
      server.closeAllConnections();
      open.forEach((s) => s.destroy());
      agents.forEach((a) => a.destroy());
    },
  };
}
