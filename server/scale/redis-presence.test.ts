/** RedisPresenceRegistry against the machine's Redis: shared presence, changes told once, dead nodes reaped. */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceChange } from '../domain/presence/index.js';
import { TEST_REDIS_URL } from '../test-support/test-server.js';
import { RedisPresenceRegistry } from './redis-presence.js';

const prefix = `parley-test-presence-${randomBytes(4).toString('hex')}`;
let redis: Redis;
let nodeA: RedisPresenceRegistry;
let nodeB: RedisPresenceRegistry;
const changes: { node: string; change: PresenceChange }[] = [];

beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL);
  nodeA = new RedisPresenceRegistry(redis, { prefix, nodeId: 'node-a', deadAfterMs: 1_000 });
  nodeB = new RedisPresenceRegistry(redis, { prefix, nodeId: 'node-b', deadAfterMs: 1_000 });
  await nodeA.start();
  await nodeB.start();
  nodeA.onChange((change) => changes.push({ node: 'a', change }));
  nodeB.onChange((change) => changes.push({ node: 'b', change }));
});
afterAll(async () => {
  nodeA.stop();
  nodeB.stop();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const ana = { workspaceId: 'ws_1', agentId: 'ag_ana' };

describe('RedisPresenceRegistry', () => {
  it('is online while a socket is connected on any node, and tells each change once, on the node that made it', async () => {
    changes.length = 0;
    await nodeA.socketConnected(ana, 's1');
    await nodeB.socketConnected(ana, 's2');
    expect((await nodeB.presenceOf('ws_1', ['ag_ana', 'ag_nobody'])).get('ag_ana')).toBe('online');
    expect((await nodeB.presenceOf('ws_1', ['ag_nobody'])).get('ag_nobody')).toBe('offline');
    await nodeA.socketDisconnected(ana, 's1');
    expect((await nodeA.presenceOf('ws_1', ['ag_ana'])).get('ag_ana')).toBe('online');
    await nodeB.socketDisconnected(ana, 's2');
    expect((await nodeA.presenceOf('ws_1', ['ag_ana'])).get('ag_ana')).toBe('offline');
    expect(changes.map((c) => [c.node, c.change.presence])).toEqual([
      ['a', 'online'],
      ['b', 'offline'],
    ]);
  });

  it('keeps away across sockets and nodes until the agent comes back', async () => {
    await nodeA.socketConnected(ana, 's3');
    expect(await nodeB.setAway(ana, true)).toBe('away');
    await nodeA.socketDisconnected(ana, 's3');
    await nodeB.socketConnected(ana, 's4');
    expect((await nodeA.presenceOf('ws_1', ['ag_ana'])).get('ag_ana')).toBe('away');
    expect(await nodeA.setAway(ana, false)).toBe('online');
    await nodeB.socketDisconnected(ana, 's4');
  });

  it('reaps a node that stopped beating: its agents go offline, told once by the reaper', async () => {
    const bo = { workspaceId: 'ws_1', agentId: 'ag_bo' };
    await nodeB.socketConnected(bo, 's5');
    await nodeA.socketConnected(ana, 's6');
    nodeB.stop();
    changes.length = 0;
    // Node A's view of the clock, well past B's last beat.
    const reaped = await nodeA.reapDeadNodes(Date.now() + 60_000);
    expect(reaped).toBe(1);
    expect((await nodeA.presenceOf('ws_1', ['ag_bo', 'ag_ana']))).toEqual(new Map([['ag_bo', 'offline'], ['ag_ana', 'online']]));
    expect(changes.map((c) => [c.node, c.change.agentId, c.change.presence])).toEqual([['a', 'ag_bo', 'offline']]);
    // Reaping again finds nothing: B is gone from the node list.
    expect(await nodeA.reapDeadNodes(Date.now() + 60_000)).toBe(0);
  });
});
