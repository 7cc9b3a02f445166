export * from './models.js';
export * from './schemas.js';
export * from './scopes.js';
