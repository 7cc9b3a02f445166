export { type AdminPrincipal, AgentDirectory, type AgentSession, toAgentProfile } from './agents.js';
export { hashPassword, verifyPassword } from './passwords.js';
