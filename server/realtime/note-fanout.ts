/**
 * Internal notes → agents' sockets: `note:new` to every agent of the
 * workspace, `mention` to each mentioned agent's own room. Nothing here
 * touches /visitor: notes are for the team only.
 */
import type { Domain } from '../domain/index.js';
import type { AgentNamespace } from './agent-namespace.js';
import { agentRoom, agentsRoom } from './rooms.js';

/** Once per namespace; returns the function that unlinks it. */
export function linkNotes(nsp: AgentNamespace, domain: Domain): () => void {
  return domain.bus.subscribe('note.created', ({ workspaceId, note }) => {
    nsp.to(agentsRoom(workspaceId)).emit('note:new', note);
    for (const agentId of note.mentions) nsp.to(agentRoom(agentId)).emit('mention', { note });
  });
}
