export { type AdminPrincipal, AgentDirectory, type AgentSession, toAgentProfile } from './agents.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { AgentRoster, openAssignedCounts, toRosterProfile } from './agent-roster.js';
