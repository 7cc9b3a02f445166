export { ContactStore, type DeviceInfo, splitTraits, toContactProfile, toContactSummary } from './contacts.js';
export { IdentityResolver, type KnownUser, type VerifiedUser } from './identity-resolver.js';
