/**
 * The teams-and-assignment endpoints (docs/inbox.md "Teams and assignment"):
 * teams, agents' capacity and presence, assignment rules, and assigning a
 * conversation to a team and/or an agent. Part of `InboxApi`.
 */
import type { z } from 'zod';
import type {
  AgentConversation,
  AgentProfile,
  AssignmentRule,
  Page,
  Team,
  createAssignmentRuleSchema,
  createTeamSchema,
  updateAgentSchema,
  updateAssignmentRuleSchema,
  updateTeamSchema,
} from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export type CreateTeamRequest = z.input<typeof createTeamSchema>;
export type UpdateTeamRequest = z.input<typeof updateTeamSchema>;
export type UpdateAgentRequest = z.input<typeof updateAgentSchema>;
export type CreateAssignmentRuleRequest = z.input<typeof createAssignmentRuleSchema>;
export type UpdateAssignmentRuleRequest = z.input<typeof updateAssignmentRuleSchema>;

/** `POST /conversations/:id/assign`: an agent, a team or both; null clears, absent leaves as is. */
export interface AssignRequest {
  assigneeId?: string | null;
  teamId?: string | null;
}

export interface TeamApi {
  listTeams(): Promise<Page<Team>>;
  createTeam(input: CreateTeamRequest): Promise<Team>;
  /** `member_ids` replaces the list (its order is the round-robin order). */
  updateTeam(id: string, patch: UpdateTeamRequest): Promise<Team>;
  deleteTeam(id: string): Promise<void>;
  /** Admins: role, capacity (0 = no limit) or name. */
  updateAgent(id: string, patch: UpdateAgentRequest): Promise<AgentProfile>;
  /** The signed-in agent's own choice; the answer carries the presence that results (offline with no inbox open). */
  setMyPresence(presence: 'online' | 'away'): Promise<AgentProfile>;
  listAssignmentRules(): Promise<Page<AssignmentRule>>;
  createAssignmentRule(input: CreateAssignmentRuleRequest): Promise<AssignmentRule>;
  /** A new `position` moves the rule and shifts the others. */
  updateAssignmentRule(id: string, patch: UpdateAssignmentRuleRequest): Promise<AssignmentRule>;
  deleteAssignmentRule(id: string): Promise<void>;
  assignConversation(conversationId: string, input: AssignRequest): Promise<AgentConversation>;
}

export function createTeamApi(http: HttpClient): TeamApi {
  const id = encodeURIComponent;
  return {
    listTeams: () => http.get('/teams'),
    createTeam: (input) => http.post('/teams', input),
    updateTeam: (teamId, patch) => http.patch(`/teams/${id(teamId)}`, patch),
    deleteTeam: (teamId) => http.delete(`/teams/${id(teamId)}`),
    updateAgent: (agentId, patch) => http.patch(`/agents/${id(agentId)}`, patch),
    setMyPresence: (presence) => http.patch('/agents/me/presence', { presence }),
    listAssignmentRules: () => http.get('/assignment-rules'),
    createAssignmentRule: (input) => http.post('/assignment-rules', input),
    updateAssignmentRule: (ruleId, patch) => http.patch(`/assignment-rules/${id(ruleId)}`, patch),
    deleteAssignmentRule: (ruleId) => http.delete(`/assignment-rules/${id(ruleId)}`),
    assignConversation: (conversationId, input) => http.post(`/conversations/${id(conversationId)}/assign`, input),
  };
}
