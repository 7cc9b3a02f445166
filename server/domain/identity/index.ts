export { computeUserHash, isValidUserHash } from './user-hash.js';
export { type VisitorClaims, VisitorTokens } from './visitor-token.js';
