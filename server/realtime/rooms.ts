/** Room names in one place, so the emitters and the joins can't drift apart. */
export const contactRoom = (contactId: string) => `contact:${contactId}`;
export const agentsRoom = (workspaceId: string) => `agents:${workspaceId}`;
/** One agent's own sockets (every tab, every node): mentions. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** The agents' sockets that have a conversation open (the collision hint). */
export const viewersRoom = (conversationId: string) => `viewing:${conversationId}`;
