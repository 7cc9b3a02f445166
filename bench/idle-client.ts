/**
 * A client process of the idle-socket benchmark: opens visitor sockets to one
 * node on request and holds them. Several of these share the 10 000 sockets so
 * no single client process is the bottleneck (nor the server's memory).
 *
 * IPC: `{ type: 'open', base, tokens, concurrency }` → `{ type: 'opened', connected, failed, ms }`;
 * `{ type: 'close' }` closes every socket and exits.
 */
import type { Socket } from 'socket.io-client';
import { connectVisitorSocket } from './bench-processes.js';

export interface OpenRequest {
  type: 'open';
  base: string;
  tokens: string[];
  concurrency: number;
}

export interface OpenedReport {
  type: 'opened';
  connected: number;
  failed: number;
  firstError?: string;
  ms: number;
}

const sockets: Socket[] = [];

async function open({ base, tokens, concurrency }: OpenRequest): Promise<OpenedReport> {
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const worker = async () => {
    for (let i = next++; i < tokens.length; i = next++) {
      try {
        sockets.push(await connectVisitorSocket(base, tokens[i]));
      } catch (err) {
        failed += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { type: 'opened', connected: sockets.length, failed, firstError, ms: performance.now() - t0 };
}

process.on('message', (m: { type?: string }) => {
  if (m.type === 'open') void open(m as OpenRequest).then((report) => process.send?.(report));
  if (m.type === 'close') {
    sockets.forEach((s) => s.close());
    process.exit(0);
  }
});
process.send?.({ type: 'ready' });
