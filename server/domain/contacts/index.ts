export { ContactStore, type DeviceInfo, splitTraits, toContactProfile, toContactSummary } from './contacts.js';
export { IdentityResolver, type KnownUser } from './identity-resolver.js';
