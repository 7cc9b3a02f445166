export { type ConversationSearch, type SearchHitRow } from './conversation-search.js';
export { ftsMatchExpression, plainExcerpt } from './fts-query.js';
export { SqliteConversationSearch } from './sqlite-search.js';
export { PostgresConversationSearch } from './postgres-search.js';
