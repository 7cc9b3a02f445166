export { type ConversationSearch, type SearchHitRow } from './conversation-search.js';
export { foldWords, ftsMatchExpression, ftsWordsExpression, plainExcerpt, searchWords, tsQueryOf, type WordQueryOptions } from './fts-query.js';
export { SqliteConversationSearch } from './sqlite-search.js';
export { PostgresConversationSearch } from './postgres-search.js';
