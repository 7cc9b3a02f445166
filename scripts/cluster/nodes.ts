/**
 * The Parley nodes of `npm run cluster`, each a child process running the
 * server the way `npm start` does. Each gets its own process group
 * (`detached`), so a Ctrl-C in the terminal reaches only the cluster script,
 * which then sends each node exactly one SIGTERM: a second signal would make a
 * node skip its drain (server/main.ts exits at once on a second signal).
 *
 * Their output is passed on line by line, named `[node-N]`, without the
 * start banner each prints: the cluster prints one for all.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface NodeSpec {
  name: string;
  port: number;
  env: Record<string, string>;
  /** `node <entry…>`: the build (`dist/server/main.js`) or `--import tsx server/main.ts`. */
  entry: readonly string[];
  cwd: string;
}

export interface RunningNode {
  name: string;
  port: number;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** SIGTERM once (the node drains), SIGKILL after `graceMs` if it is still there. */
  stop(graceMs: number): Promise<void>;
  kill(): void;
}

const BANNER = /^\s*(Parley is running on|Demo host page|Agent inbox|Health|Agent login|\(stored in)|^\s*$/;

function passOn(stream: NodeJS.ReadableStream | null, name: string, out: NodeJS.WritableStream): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => {
    if (!BANNER.test(line)) out.write(`[${name}] ${line}\n`);
  });
}

export function spawnNode(spec: NodeSpec): RunningNode {
  const child: ChildProcess = spawn(process.execPath, [...spec.entry], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  passOn(child.stdout, spec.name, process.stdout);
  passOn(child.stderr, spec.name, process.stderr);
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  let stopping: Promise<void> | null = null;
  return {
    name: spec.name,
    port: spec.port,
    pid: child.pid ?? -1,
    exited,
    isRunning: () => running,
    stop: (graceMs) => {
      stopping ??= (async () => {
        if (!running) return;
        child.kill('SIGTERM');
        const cut = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(cut);
      })();
      return stopping;
    },
    kill: () => {
      if (running) child.kill('SIGKILL');
    },
  };
}

/** Resolves once the node answers /health with ok; rejects if it exits first or `timeoutMs` passes. */
export async function untilHealthy(node: RunningNode, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!node.isRunning()) throw new Error(`${node.name} exited while starting (${JSON.stringify(await node.exited)})`);
    const ok = await fetch(`http://127.0.0.1:${node.port}/health`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${node.name} did not answer /health on port ${node.port} within ${timeoutMs / 1000} s`);
}
