/**
 * First start: the demo workspace and the first admin. Runs only on an empty
 * database, so restarts never change what an operator has set up.
 */
import { randomBytes } from 'node:crypto';
import type { Domain } from './index.js';
import { newId, nowIso, randomToken } from './ids.js';

export interface SeedOptions {
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  bootstrapToken?: string;
  identitySecret?: string;
}

export interface SeedResult {
  created: boolean;
  adminEmail?: string;
  /** Only when generated here; the caller prints it once. */
  generatedPassword?: string;
}

export async function seedIfEmpty(domain: Domain, opts: SeedOptions): Promise<SeedResult> {
  const any = await domain.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };

  const workspaceId = newId('ws');
  const origin = new URL(opts.publicUrl).origin;
  await domain.db
    .insertInto('workspaces')
    .values({
      id: workspaceId,
      app_id: 'demo',
      name: 'Parley Demo',
      identity_secret: opts.identitySecret ?? randomToken(32),
      identity_verification: 1,
      require_consent: 0,
      // The demo answers its own pages and local dev servers; add your app's origin in settings.
      allowed_origins: JSON.stringify([origin, 'http://localhost:*', 'http://127.0.0.1:*']),
      greeting: 'Hi there 👋 Ask us anything — we usually reply in a few minutes.',
      color: '#4f46e5',
      launcher_position: 'right',
      launcher_offset: 20,
      team_avatars: '[]',
      require_email: 0,
      created_at: nowIso(),
    })
    .execute();

  const adminEmail = (opts.adminEmail ?? 'admin@parley.local').toLowerCase();
  const generatedPassword = opts.adminPassword ? undefined : randomBytes(12).toString('base64url');
  await domain.agents.create({
    workspaceId,
    email: adminEmail,
    name: 'Admin',
    role: 'admin',
    password: opts.adminPassword ?? (generatedPassword as string),
  });
  if (opts.bootstrapToken) await domain.agents.createApiToken(workspaceId, 'bootstrap', opts.bootstrapToken);
  return { created: true, adminEmail, generatedPassword };
}
