/**
 * Who is online: every agent's presence (seeded from `GET /agents`, kept
 * current by the /agent socket's `presence` event), and the signed-in agent's
 * own choice of online or away (`PATCH /agents/me/presence`). A change of
 * one's own presence made elsewhere (another tab) is announced.
 *
 * @example
 * const presence = createPresenceStore({ agentId: me.id, save: (p) => api.setMyPresence(p), announce });
 * const unbind = bindPresence(socket, presence);
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentPresence, AgentProfile, PresenceNotice } from '../../protocol/index.js';
import type { AgentSocket } from '../api/socket.js';
import { ApiError } from '../api/http.js';
import { PRESENCE_LABELS } from './assignment-labels.js';

export type PresenceChoice = 'online' | 'away';

export interface PresenceStore {
  /** Every agent whose presence is known, by id. */
  byAgent: ReadonlySignal<ReadonlyMap<string, AgentPresence>>;
  /** The signed-in agent's presence; null until the roster has said. */
  mine: ReadonlySignal<AgentPresence | null>;
  /** A choice is on its way to the server. */
  saving: ReadonlySignal<boolean>;
  /** Why the last choice failed; cleared by the next. */
  error: ReadonlySignal<string>;
  /** An agent's presence as last known (reads the signal, so a view re-renders on change). */
  of(agentId: string): AgentPresence | null;
  /** The roster's snapshot (`GET /agents`); agents it doesn't describe keep what is known. */
  seed(agents: readonly Pick<AgentProfile, 'id' | 'presence'>[]): void;
  /** A `presence` push. */
  apply(notice: PresenceNotice): void;
  setMine(presence: PresenceChoice): Promise<void>;
}

export interface PresenceStoreOptions {
  agentId: string;
  save(presence: PresenceChoice): Promise<Pick<AgentProfile, 'id' | 'presence'>>;
  announce?(text: string): void;
}

export function createPresenceStore({ agentId, save, announce }: PresenceStoreOptions): PresenceStore {
  const byAgent = signal<ReadonlyMap<string, AgentPresence>>(new Map());
  const saving = signal(false);
  const error = signal('');
  /** What our own pending choice will make us, so its push is not announced as news. */
  let expected: AgentPresence | null = null;

  function set(id: string, presence: AgentPresence): void {
    if (byAgent.peek().get(id) === presence) return;
    const next = new Map(byAgent.peek());
    next.set(id, presence);
    byAgent.value = next;
  }

  return {
    byAgent,
    mine: computed(() => byAgent.value.get(agentId) ?? null),
    saving,
    error,
    of: (id) => byAgent.value.get(id) ?? null,
    seed(agents) {
      const next = new Map(byAgent.peek());
      for (const agent of agents) if (agent.presence) next.set(agent.id, agent.presence);
      byAgent.value = next;
    },
    apply({ agentId: id, presence }) {
      const before = byAgent.peek().get(id);
      set(id, presence);
      if (id !== agentId || before === presence || before === undefined) return;
      if (presence === expected) return;
      announce?.(`Your status is now ${PRESENCE_LABELS[presence].toLowerCase()}.`);
    },
    async setMine(presence) {
      saving.value = true;
      error.value = '';
      expected = presence;
      try {
        const profile = await save(presence);
        set(agentId, profile.presence ?? presence);
      } catch (failure) {
        error.value = failure instanceof ApiError ? failure.message : 'Could not change your status.';
        announce?.(`Could not change your status. ${error.value}`);
      } finally {
        saving.value = false;
        expected = null;
      }
    },
  };
}

/** Follows the socket's `presence` pushes; returns the unbinding. */
export function bindPresence(socket: AgentSocket, store: PresenceStore): () => void {
  const onPresence = (notice: PresenceNotice): void => store.apply(notice);
  socket.on('presence', onPresence);
  return () => {
    socket.off('presence', onPresence);
  };
}
