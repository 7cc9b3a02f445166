export * from './ack.js';
export * from './errors.js';
export * from './events.js';
export * from './models.js';
export * from './schemas.js';
export * from './workspace-settings.js';
export * from './targeting/index.js';
export * from './content/index.js';
