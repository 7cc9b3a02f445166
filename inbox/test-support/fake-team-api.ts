/** The teams, assignment and report endpoints of `fakeApi`: each fails unless a test provides it. */
import type { ReportApi } from '../api/report-endpoints.js';
import type { TeamApi } from '../api/team-endpoints.js';

export function unexpectedTeamApi(unexpected: () => Promise<never>): TeamApi & ReportApi {
  return {
    listTeams: unexpected,
    createTeam: unexpected,
    updateTeam: unexpected,
    deleteTeam: unexpected,
    updateAgent: unexpected,
    setMyPresence: unexpected,
    listAssignmentRules: unexpected,
    createAssignmentRule: unexpected,
    updateAssignmentRule: unexpected,
    deleteAssignmentRule: unexpected,
    assignConversation: unexpected,
    getConversationReport: unexpected,
    getQuestionTopics: unexpected,
    conversationReportCsvUrl: (query) => `/api/v1/reports/conversations.csv?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'))}`,
  };
}
