/**
 * Presence across nodes (REDIS_URL): an agent's sockets may sit on any node.
 *
 * Per agent a hash `<prefix>:presence:<workspace>:<agent>` holds one field per
 * connected socket (`<node>/<socket id>`), and `…:away:<workspace>:<agent>`
 * marks the agent's own "away". Every change runs as one Lua script that
 * returns the presence before and after, so each change of an agent's presence
 * is seen by exactly one node — the one that made it — which tells its own
 * listeners (broadcast to the inbox, routing). Nodes never echo each other's
 * changes, so nothing is announced or routed twice.
 *
 * A node that dies (kill -9) cannot remove its sockets. Each node beats every
 * few seconds into a sorted set; a node that has not beaten for `deadAfterMs`
 * is reaped by whichever live node wins a short Redis lock: its socket fields
 * are removed through the same script, so the agents it held go offline
 * (unless they are connected elsewhere) and the changes are told once. A live
 * node that finds itself missing from that set at a beat (Redis restarted
 * empty, or it was reaped after a stall) registers its sockets again.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { AgentPresence } from '../../protocol/index.js';
import type { AgentRef, PresenceChange, PresenceRegistry } from '../domain/presence/index.js';

const CHANGE = `
local function presence()
  if redis.call('HLEN', KEYS[1]) == 0 then return 'offline' end
  if redis.call('EXISTS', KEYS[2]) == 1 then return 'away' end
  return 'online'
end
local before = presence()
local op = ARGV[1]
if op == 'add' then
  redis.call('HSET', KEYS[1], ARGV[2], '1')
  redis.call('SADD', KEYS[3], ARGV[3])
elseif op == 'remove' then
  redis.call('HDEL', KEYS[1], ARGV[2])
elseif op == 'away' then
  redis.call('SET', KEYS[2], '1')
elseif op == 'back' then
  redis.call('DEL', KEYS[2])
end
return {before, presence()}
`;

type Op = 'add' | 'remove' | 'away' | 'back';

export interface RedisPresenceOptions {
  prefix: string;
  nodeId: string;
  heartbeatMs?: number;
  deadAfterMs?: number;
  onError?: (err: unknown) => void;
}

export class RedisPresenceRegistry implements PresenceRegistry {
  private readonly emitter = new EventEmitter();
  private readonly heartbeatMs: number;
  private readonly deadAfterMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** This node's connected sockets (field → agent), to register again should Redis lose them (see `beat`). */
  private readonly local = new Map<string, AgentRef>();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisPresenceOptions,
  ) {
    this.emitter.setMaxListeners(100);
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.deadAfterMs = options.deadAfterMs ?? 20_000;
  }

  /** Beats now and then every `heartbeatMs`, reaping dead nodes as it goes. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat()
        .then(() => this.reapDeadNodes())
        .catch((err: unknown) => this.options.onError?.(err));
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Stops beating. The node's sockets stay registered until reaped: on a graceful stop they reconnect elsewhere first. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async socketConnected(agent: AgentRef, socketId: string): Promise<void> {
    const field = this.field(this.options.nodeId, socketId);
    this.local.set(field, agent);
    await this.change(agent, 'add', field);
  }

  async socketDisconnected(agent: AgentRef, socketId: string): Promise<void> {
    const field = this.field(this.options.nodeId, socketId);
    this.local.delete(field);
    await this.change(agent, 'remove', field);
  }

  async setAway(agent: AgentRef, away: boolean): Promise<AgentPresence> {
    return this.change(agent, away ? 'away' : 'back', '');
  }

  async presenceOf(workspaceId: string, agentIds: readonly string[]): Promise<Map<string, AgentPresence>> {
    if (agentIds.length === 0) return new Map();
    const pipeline = this.redis.pipeline();
    for (const agentId of agentIds) {
      pipeline.hlen(this.socketsKey({ workspaceId, agentId }));
      pipeline.exists(this.awayKey({ workspaceId, agentId }));
    }
    const replies = (await pipeline.exec()) ?? [];
    const value = (i: number) => {
      const [err, n] = replies[i] ?? [null, 0];
      if (err) throw err;
      return Number(n);
    };
    return new Map(agentIds.map((id, i) => [id, value(2 * i) === 0 ? 'offline' : value(2 * i + 1) === 1 ? 'away' : 'online']));
  }

  onChange(listener: (change: PresenceChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /** Removes the sockets of nodes that stopped beating; returns how many nodes were reaped. */
  async reapDeadNodes(now = Date.now()): Promise<number> {
    const dead = await this.redis.zrangebyscore(this.nodesKey(), '-inf', `(${now - this.deadAfterMs}`);
    let reaped = 0;
    for (const nodeId of dead) {
      if (nodeId === this.options.nodeId) continue;
      const won = await this.redis.set(`${this.options.prefix}:reap:${nodeId}`, this.options.nodeId, 'PX', this.deadAfterMs, 'NX');
      if (won !== 'OK') continue;
      for (const member of await this.redis.smembers(this.nodeAgentsKey(nodeId))) {
        const [workspaceId, agentId] = member.split('/');
        if (!workspaceId || !agentId) continue;
        const agent = { workspaceId, agentId };
        const fields = (await this.redis.hkeys(this.socketsKey(agent))).filter((f) => f.startsWith(`${nodeId}/`));
        for (const field of fields) await this.change(agent, 'remove', field);
      }
      await this.redis.del(this.nodeAgentsKey(nodeId));
      await this.redis.zrem(this.nodesKey(), nodeId);
      reaped += 1;
    }
    return reaped;
  }

  private async beat(): Promise<void> {
    const added = await this.redis.zadd(this.nodesKey(), Date.now(), this.options.nodeId);
    // Not in the node list any more: Redis came back empty (a restart without persistence) or the
    // other nodes reaped this one after a stall. Its sockets are still connected, so register them
    // again; otherwise their agents show offline, and get no conversations, until they reconnect
    // (found by server/faults/redis-restart.test.ts). On the first beat there are none yet.
    if (Number(added) === 1) for (const [field, agent] of this.local) await this.change(agent, 'add', field);
  }

  private async change(agent: AgentRef, op: Op, field: string): Promise<AgentPresence> {
    const [previous, presence] = (await this.redis.eval(
      CHANGE,
      3,
      this.socketsKey(agent),
      this.awayKey(agent),
      this.nodeAgentsKey(this.nodeOfField(field) ?? this.options.nodeId),
      op,
      field,
      `${agent.workspaceId}/${agent.agentId}`,
    )) as [AgentPresence, AgentPresence];
    if (presence !== previous) this.emitter.emit('change', { ...agent, presence, previous } satisfies PresenceChange);
    return presence;
  }

  private field(nodeId: string, socketId: string): string {
    return `${nodeId}/${socketId}`;
  }

  private nodeOfField(field: string): string | null {
    const slash = field.indexOf('/');
    return slash > 0 ? field.slice(0, slash) : null;
  }

  private socketsKey(agent: AgentRef): string {
    return `${this.options.prefix}:presence:${agent.workspaceId}:${agent.agentId}`;
  }

  private awayKey(agent: AgentRef): string {
    return `${this.options.prefix}:away:${agent.workspaceId}:${agent.agentId}`;
  }

  private nodesKey(): string {
    return `${this.options.prefix}:nodes`;
  }

  private nodeAgentsKey(nodeId: string): string {
    return `${this.options.prefix}:node-agents:${nodeId}`;
  }
}
