/**
 * Bounds what the server holds for one connection that does not read.
 *
 * Engine.IO queues packets for a connection while its previous write is still
 * on its way, without limit. A client that stops reading is normally dropped
 * at the ping timeout, which bounds the queue by time; but one that still
 * answers pings while never reading (a broken or hostile client) would be
 * kept forever while its queue grows with every message of its rooms, until
 * the node runs out of memory. Past `maxQueuedBytes` waiting to be written we
 * close it instead: that is harmless by design, since every client catches up
 * by seq after a reconnect (DESIGN.md §3). Found by server/faults/slow-consumer.test.ts.
 *
 * @example guardSlowConsumers(io.engine, { maxQueuedBytes: MAX_QUEUED_BYTES })
 */

/** The little of an Engine.IO connection this needs (its documented events). */
interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): unknown;
  on(event: 'flush', listener: () => void): unknown;
  close(discard?: boolean): unknown;
}

interface EngineServer {
  on(event: 'connection', listener: (conn: EngineConnection) => void): unknown;
}

export interface SlowConsumerOptions {
  maxQueuedBytes: number;
  onDrop?: () => void;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

export function guardSlowConsumers(engine: EngineServer, { maxQueuedBytes, onDrop }: SlowConsumerOptions): void {
  engine.on('connection', (conn) => {
    // Bytes queued since the queue last went to the transport ('flush' empties it).
    let queued = 0;
    let dropped = false;
    conn.on('flush', () => {
      queued = 0;
    });
    conn.on('packetCreate', (packet) => {
      queued += sizeOf(packet.data);
      if (queued <= maxQueuedBytes || dropped) return;
      dropped = true;
      onDrop?.();
      // Discard: don't wait for the queue to drain first (it never will).
      conn.close(true);
    });
  });
}
