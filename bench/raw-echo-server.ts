/**
 * The baseline of the relay benchmark: a plain Socket.IO server that relays each
 * message to the other side and acks it, storing nothing. Run as its own process.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
io.on('connection', (socket) => {
  void socket.join('all');
  socket.on('message:send', (payload: unknown, ack: (r: unknown) => void) => {
    socket.to('agents').emit('message:new', payload);
    ack({ ok: true, data: { message: payload } });
  });
  socket.on('agent', (ack?: () => void) => {
    void socket.join('agents');
    ack?.();
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : port}`);
});
