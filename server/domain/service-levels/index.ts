export { AWAY_TEXTS, type AwayLanguage, type AwayTexts } from './away-texts.js';
export { awayMessageText, type AwayMessageInput } from './away-message.js';
export { REPLY_TIME_MIN_SAMPLES, REPLY_TIME_WINDOW_DAYS, ReplyTimes } from './reply-times.js';
export { type AppliedServiceLevels, ServiceLevels } from './service-levels.js';
export { dueAfter, type SlaClockInput, slaStatus } from './sla-status.js';
