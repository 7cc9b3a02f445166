export { type AgentListQuery, type AssigneeFilter, Conversations } from './conversations.js';
export { toAgentConversation, toMessage, toVisitorConversation } from './mappers.js';
export { type AppendInput, type AppendOutcome, type AppendResult, type Author, MessageLog, uploaderOf } from './message-log.js';
