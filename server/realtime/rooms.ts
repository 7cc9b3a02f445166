/** Room names in one place, so the emitters and the joins can't drift apart. */
export const contactRoom = (contactId: string) => `contact:${contactId}`;
export const agentsRoom = (workspaceId: string) => `agents:${workspaceId}`;
