export { type AgentListQuery, type AssigneeFilter, Conversations } from './conversations.js';
export { toAgentConversation, toMessage, toVisitorConversation } from './mappers.js';
export { type AppendInput, type AppendResult, type Author, MessageLog } from './message-log.js';
