/** `npm start`: one node, configured by the environment (README "Configuration"). */
import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from './config.js';
import { startServer } from './start.js';
import { sqliteFileFromUrl } from './store/index.js';

const config = readConfig();
const server = await startServer(config).catch((err: unknown) => {
  console.error('Parley could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

// A generated password is shown on every start until the file is deleted, so a
// new user who missed the first banner can still log in. It sits next to the
// SQLite file (mode 600); with Postgres it is printed once only.
const credentialsFile = config.databaseUrl.startsWith('sqlite:')
  ? join(dirname(resolve(sqliteFileFromUrl(config.databaseUrl))), 'initial-admin.txt')
  : null;
if (server.seed.generatedPassword && credentialsFile) {
  mkdirSync(dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, `${server.seed.adminEmail}\n${server.seed.generatedPassword}\n`, { mode: 0o600 });
}
let login = config.adminEmail && config.adminPassword ? `${config.adminEmail} / (ADMIN_PASSWORD)` : '';
if (server.seed.generatedPassword) login = `${server.seed.adminEmail} / ${server.seed.generatedPassword}`;
else if (credentialsFile && existsSync(credentialsFile)) login = readFileSync(credentialsFile, 'utf8').trim().split('\n').join(' / ');

const base = config.publicUrl;
console.log(`
  Parley is running on ${base}
${config.demo ? `    Demo host page  ${base}/demo/
` : ''}    Agent inbox     ${base}/inbox/
    Health          ${base}/health
  Agent login       ${login || '(the admin you configured)'}${credentialsFile && existsSync(credentialsFile) ? `\n                    (stored in ${credentialsFile}; delete it once you have changed the password)` : ''}
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
