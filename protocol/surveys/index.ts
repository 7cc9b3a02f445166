/** Surveys: wire shapes, input schemas, branching logic and score maths. */
export * from './logic.js';
export * from './models.js';
export * from './schemas.js';
export * from './scores.js';
export * from './answers.js';
