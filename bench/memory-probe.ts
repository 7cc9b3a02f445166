/**
 * Loaded into a Parley node by the idle-socket benchmark
 * (`node --expose-gc --import tsx --import ./bench/memory-probe.ts dist/server/main.js`):
 * answers `{ type: 'memory' }` on the IPC channel with the process's memory
 * after a full collection, so the bench reads the server's own numbers from
 * outside it, with none of the client sockets' memory mixed in.
 */
interface MemoryRequest {
  type: 'memory';
}

const isRequest = (m: unknown): m is MemoryRequest => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'memory';

process.on('message', (m: unknown) => {
  if (!isRequest(m)) return;
  // Twice: the first pass can leave weak and finalised objects to the second.
  globalThis.gc?.();
  globalThis.gc?.();
  process.send?.({ type: 'memory', ...process.memoryUsage() });
});
