/**
 * A Socket.IO client written by hand on a bare TCP socket: the WebSocket
 * upgrade, masked frames, Engine.IO/Socket.IO packets as text. Fault tests use
 * it for what a well-behaved client library never does: stop reading for
 * good (a slow consumer), send frames that are not JSON, or one frame far
 * over the size limit.
 *
 * It reads only to find the handshake answers; once `stopReading()` is
 * called, nothing more is taken from the kernel, so the server's writes to it
 * back up like those to a stalled phone on a bad network. It never answers
 * Engine.IO pings: the server drops it at its ping timeout either way.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawSocket {
  /** Sends one text frame (masked, as clients must). */
  sendText(text: string): void;
  /** Sends a text frame of this exact payload (e.g. 1 MB), bypassing any client-side check. */
  sendBytes(payload: Buffer): void;
  /** Resolves when what arrived so far contains `text` (rejects after `ms`, or if the connection closes first). */
  waitFor(text: string, ms?: number): Promise<void>;
  /** Stops reading for good. */
  stopReading(): void;
  /** Resolves when the server sent a close frame or closed the connection (seen only while reading). */
  readonly closed: Promise<void>;
  isClosed(): boolean;
  destroy(): void;
}

export interface RawSocketOptions {
  port: number;
  /** Origin header (the origin gate checks it). */
  origin: string;
  cookie?: string;
  /** Extra query, e.g. `appId=demo` for /visitor. */
  query?: string;
}

/** One client frame: FIN set, masked payload, 7/16/64-bit length. */
function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  let header: Buffer;
  if (len < 126) {
    header = Buffer.from([0x80 | opcode, 0x80 | len]);
  } else if (len < 65_536) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(len, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(len), 2);
  }
  const mask = randomBytes(4);
  const masked = Buffer.alloc(len);
  for (let i = 0; i < len; i++) masked[i] = payload[i] ^ mask[i & 3];
  return Buffer.concat([header, mask, masked]);
}

/** Calls `onFrame` for each whole (unmasked, server) frame in `buffer`; returns what is left. */
function readFrames(buffer: Buffer, onFrame: (opcode: number, payload: Buffer) => void): Buffer {
  let rest = buffer;
  for (;;) {
    if (rest.length < 2) return rest;
    let length = rest[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (rest.length < 4) return rest;
      length = rest.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (rest.length < 10) return rest;
      length = Number(rest.readBigUInt64BE(2));
      offset = 10;
    }
    if (rest.length < offset + length) return rest;
    onFrame(rest[0] & 0x0f, rest.subarray(offset, offset + length));
    rest = rest.subarray(offset + length);
  }
}

export async function openRawSocket({ port, origin, cookie, query }: RawSocketOptions): Promise<RawSocket> {
  const socket: Socket = connect(port, '127.0.0.1');
  // The HTTP answer, then the text of each frame, one per line: what `waitFor` searches.
  let received = '';
  let closed = false;
  let resolveClosed = () => {};
  const closedPromise = new Promise<void>((resolve) => (resolveClosed = resolve));
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const close = () => {
    closed = true;
    resolveClosed();
    notify();
  };
  let pending: Buffer = Buffer.alloc(0);
  let upgraded = false;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    if (!upgraded) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      received += pending.subarray(0, end).toString('latin1');
      pending = pending.subarray(end + 4);
      upgraded = true;
    }
    pending = readFrames(pending, (opcode, payload) => {
      // A close frame counts as closed: the server will not read from us any more.
      if (opcode === 0x8) close();
      else received += `\n${payload.toString('utf8')}`;
    });
    notify();
  });
  socket.on('close', close);
  socket.on('error', () => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    [
      `GET /socket.io/?EIO=4&transport=websocket${query ? `&${query}` : ''} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      `Origin: ${origin}`,
      ...(cookie ? [`Cookie: ${cookie}`] : []),
      '',
      '',
    ].join('\r\n'),
  );

  const raw: RawSocket = {
    sendText: (text) => socket.write(frame(0x1, Buffer.from(text, 'utf8'))),
    sendBytes: (payload) => socket.write(frame(0x1, payload)),
    waitFor: (text, ms = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.includes(text)) done(null);
          else if (closed) done(new Error(`connection closed before "${text}" arrived`));
        };
        const timer = setTimeout(() => done(new Error(`no "${text}" within ${ms} ms`)), ms);
        const done = (err: Error | null) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (err) reject(err);
          else resolve();
        };
        waiters.add(check);
        check();
      }),
    stopReading: () => socket.pause(),
    closed: closedPromise,
    isClosed: () => closed,
    destroy: () => socket.destroy(),
  };
  await raw.waitFor('101 Switching Protocols');
  await raw.waitFor('0{"sid"');
  return raw;
}
