/** Privacy: consent and collection settings, retention windows, the audit log and the contact export. */
export * from './audit.js';
export * from './export.js';
export * from './schemas.js';
export * from './settings-schema.js';
export * from './settings.js';
