/** Automation rules: triggers, conditions' facts, actions, the run log and their input schemas. */
export * from './models.js';
export * from './schemas.js';
