/** An agent's presence, live from the inbox's socket when the page is inside the workspace, else as the roster said. */
import { useContext } from 'preact/hooks';
import type { AgentPresence, AgentProfile } from '../../../protocol/index.js';
import { InboxContext } from '../inbox-context.js';

export function useLivePresence(): (agent: Pick<AgentProfile, 'id' | 'presence'>) => AgentPresence {
  const inbox = useContext(InboxContext);
  return (agent) => inbox?.presence.of(agent.id) ?? agent.presence ?? 'offline';
}
