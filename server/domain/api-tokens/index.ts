export { ApiTokens, type TokenIdentity } from './api-tokens.js';
export { hashTokenValue, MAX_TOKEN_LENGTH, newTokenValue, prefixOf, TOKEN_PREFIX } from './token-value.js';
