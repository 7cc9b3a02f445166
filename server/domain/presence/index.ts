export { MemoryPresenceRegistry } from './memory-presence.js';
export type { AgentRef, PresenceChange, PresenceRegistry } from './presence-registry.js';
