/**
 * A Redis of the test's own (`redis-server` on a free port, nothing saved), so
 * a test can kill and restart it without touching the machine's Redis on 6379
 * that other tests share. Restarting on the same port is what a Redis failover
 * or restart looks like to the nodes: the same URL, and an empty server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './node-process.js';

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: gone at once, as a crashed server is. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was saved). */
  restart(): Promise<void>;
  /** Stops it for good (afterAll). */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await answersPing(url)) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${port} did not answer`);
  };
  const kill = async () => {
    const running = child;
    if (!running) return;
    child = null;
    const gone = exited(running);
    running.kill('SIGKILL');
    await gone;
  };

  await launch();
  return { url, port, kill, restart: launch, stop: kill };
}
