/** vitest globalSetup of the Postgres project: clear schemas that killed runs left behind. */
import { dropStaleTestSchemas } from './test-database.js';

export default async function setup(): Promise<void> {
  await dropStaleTestSchemas();
}
