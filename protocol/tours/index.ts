/** Product tours: wire shapes and input schemas. */
export * from './models.js';
export * from './schemas.js';
