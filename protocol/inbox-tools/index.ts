/** Working a conversation: tags, notes, canned replies, saved views, search results, viewers. */
export * from './models.js';
export * from './schemas.js';
