export { type ConversationSearch, type SearchHitRow, searchUnavailable } from './conversation-search.js';
export { ftsMatchExpression, plainExcerpt } from './fts-query.js';
export { SqliteConversationSearch } from './sqlite-search.js';
