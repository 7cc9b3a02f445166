export { AudienceScanner } from './audience-scanner.js';
export { CampaignStore, toCampaign, toColumns, toInAppMessage, type Campaign, type CampaignFields, type ContentKind, type SurveyBody } from './campaign-store.js';
export { Deliveries, isOpen } from './deliveries.js';
export { InAppMessages } from './in-app.js';
export { startContentReactions, type ContactFollower, type ContentReactions } from './reactions.js';
export { SegmentStore, segmentsIn } from './segment-store.js';
export { TargetingContexts } from './targeting-contexts.js';
export { contactFacts } from './contact-facts.js';
