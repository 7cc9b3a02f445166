import type { AdminPrincipal } from './agents/index.js';

/** Admin agents, and API tokens (created by admins, they act for the workspace). */
export const actsAsAdmin = (p: AdminPrincipal): boolean => !p.agent || p.agent.role === 'admin';
