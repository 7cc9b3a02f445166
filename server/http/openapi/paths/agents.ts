/** `/agents`: the roster, an admin's changes to an agent, an agent's own presence (routes/agents.ts). */
import { presenceInputSchema, updateAgentSchema } from '../../../../protocol/index.js';
import { AgentDoc } from '../models/workspace.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';

const tags = ['Agents'];

export const agentDocs: RouteDoc[] = [
  { method: 'get', path: '/agents', summary: 'List agents', description: 'With role, capacity, presence and open conversations.', tags, auth: 'admin', responses: { 200: json('Every agent', pageOf(AgentDoc)) } },
  {
    method: 'get',
    path: '/agents/:id',
    summary: 'Get an agent',
    tags,
    auth: 'admin',
    request: { params: { id: 'The agent’s id, or `me` (a cookie session only)' } },
    responses: { 200: json('The agent', AgentDoc) },
  },
  {
    method: 'patch',
    path: '/agents/me/presence',
    summary: 'Set my presence',
    description: 'The signed-in agent only: an API token is no agent (403).',
    tags,
    auth: 'admin',
    request: { body: named('PresenceRequest', presenceInputSchema) },
    responses: { 200: json('The agent with the presence that results', AgentDoc) },
  },
  {
    method: 'patch',
    path: '/agents/:id',
    summary: 'Change an agent’s role, capacity or name',
    description: 'Admins only.',
    tags,
    auth: 'admin',
    request: { params: { id: 'The agent’s id' }, body: named('UpdateAgentRequest', updateAgentSchema) },
    responses: { 200: json('The changed agent', AgentDoc) },
  },
];
