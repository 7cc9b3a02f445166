export { openStore, sqliteFileFromUrl, type Store, type StoreKind } from './database.js';
export * from './files/index.js';
export { migrateToLatest } from './migrate.js';
export type * from './schema.js';
