export { type AgentListQuery, type AssigneeFilter, Conversations } from './conversations.js';
export { toAgentConversation, toMessage, toVisitorConversation } from './mappers.js';
export { type AppendInput, type AppendOutcome, type AppendResult, type Author, MessageLog, uploaderOf } from './message-log.js';
export { type InboxFilters, withInboxFilters } from './list-filters.js';
export { SNOOZE_MAX_DAYS, SnoozeWaker, snoozeColumns } from './snooze.js';
export { SNOOZE_SCAN_MS, type SnoozeClockOptions, startSnoozeClock } from './snooze-clock.js';
export { type AgentViewSources, agentViews } from './agent-views.js';
export type { ConversationRoutingHooks } from './routing-hooks.js';
