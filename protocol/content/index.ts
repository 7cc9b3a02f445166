/** Outbound content: in-app messages, segments, series (wire shapes and input schemas). */
export * from './models.js';
export * from './schemas.js';
export * from './personalize.js';
