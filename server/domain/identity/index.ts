export {
  IDENTITY_TOKEN_CLOCK_SKEW_SEC,
  IDENTITY_TOKEN_MAX_LENGTH,
  IDENTITY_TOKEN_MAX_LIFETIME_SEC,
  type IdentityTokenClaims,
  verifyIdentityToken,
} from './identity-token.js';
export { computeUserHash, isValidUserHash } from './user-hash.js';
export { type VisitorClaims, VisitorTokens } from './visitor-token.js';
