/**
 * A TCP proxy in front of a node that can make the network go dark: a client
 * "offline" the hard way. `blackhole()` keeps every connection open but drops
 * whatever either side writes (no FIN, no RST: a laptop lid closed, a train in
 * a tunnel), so neither end learns of it until its ping timeout; new
 * connections are accepted and go nowhere too. `resume()` cuts the dead
 * connections and forwards new ones again.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  /** The proxy's own base URL (http://127.0.0.1:<port>). */
  url: string;
  blackhole(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let dark = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset from either side just ends that connection.
    socket.on('error', () => socket.destroy());
  };
  const swallow = (socket: Socket) => {
    socket.removeAllListeners('data');
    socket.on('data', () => {});
    socket.resume();
  };

  const server = createServer((client) => {
    track(client);
    if (dark) {
      swallow(client);
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // While dark, an end closing its side is not told to the other either (the FIN is lost too).
    client.on('close', () => {
      if (!dark) upstream.destroy();
    });
    upstream.on('close', () => {
      if (!dark) client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    blackhole() {
      dark = true;
      for (const socket of sockets) {
        socket.unpipe();
        swallow(socket);
      }
    },
    resume() {
      dark = false;
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
