/** Bots: custom bot flows, the answer bot, button choices and their input schemas. */
export * from './models.js';
export * from './schemas.js';
