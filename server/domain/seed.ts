/**
 * First start: the demo workspace and the first admin. Runs only on an empty
 * database, so restarts never change what an operator has set up.
 */
import { randomBytes } from 'node:crypto';
import { API_TOKEN_SCOPES, createTourSchema } from '../../protocol/index.js';
import type { Domain } from './index.js';
import { newId, nowIso, randomToken } from './ids.js';
import { seedDemoHelpCenter } from './help/demo-articles.js';
import { seedDemoBot } from './bots/demo-bot.js';

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
      quiet_pages: '[]',
      survey_recontact_days: 7,
      created_at: nowIso(),
    })
    .execute();

  const adminEmail = (opts.adminEmail ?? 'admin@parley.local').toLowerCase();
  const generatedPassword = opts.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const admin = await domain.agents.create({
    workspaceId,
    email: adminEmail,
    name: 'Admin',
    role: 'admin',
    password: opts.adminPassword ?? (generatedPassword as string),
  });
  // BOOTSTRAP_TOKEN: an API token with every scope, so automation can set up the rest.
  if (opts.bootstrapToken) await domain.apiTokens.create(workspaceId, { name: 'bootstrap', scopes: [...API_TOKEN_SCOPES] }, null, opts.bootstrapToken);
  await domain.tags.seedDefaults(workspaceId);
  await seedDemoMessages(domain, workspaceId, admin.id, origin);
  await seedDemoTour(domain, workspaceId);
  await seedDemoHelpCenter(domain.help, workspaceId);
  await seedDemoBot({ bots: domain.bots.bots, teams: domain.teams, tags: domain.tags }, workspaceId);
  return { created: true, adminEmail, generatedPassword };
}

/**
 * The worked example of in-app messages: a failed payment (the demo's button
 * tracks `payment_failed`) gets a personal chat message from the team linking
 * the help article, with paying again as its goal. Two drafts show the other
 * formats in the inbox's editor without showing up on the demo page.
 */
async function seedDemoMessages(domain: Domain, workspaceId: string, adminId: string, origin: string): Promise<void> {
  const { campaigns } = domain.inApp;
  await campaigns.create(workspaceId, {
    name: 'Payment failed → help with the card',
    format: 'chat',
    sender_id: adminId,
    body: `Hi {{user.first_name | fallback: "there"}}, it looks like your last payment didn't go through. [Here's how to update your card](${origin}/demo/help/update-card), or just reply here and we'll sort it out together.`,
    audience: { attr: 'user_id', op: 'exists' },
    trigger: { on: 'event', event: 'payment_failed' },
    frequency: { max_per_contact: 10, every_days: 1 },
    goal: { event: 'payment_succeeded', within_days: 7 },
    status: 'live',
  });
  await campaigns.create(workspaceId, {
    name: 'Billing page: annual plans',
    format: 'banner',
    body: '**New:** pay yearly and get two months free.',
    trigger: { on: 'page', page: '/demo/billing' },
    button: { label: 'See plans', url: `${origin}/demo/billing` },
    position: 'top',
    status: 'draft',
  });
  await campaigns.create(workspaceId, {
    name: 'Settings tour tip',
    format: 'tooltip',
    body: 'Invite your team from here.',
    selector: 'a[href="/demo/settings"]',
    trigger: { on: 'time_on_page', seconds: 5 },
    status: 'draft',
  });
}

/** The demo page's "Take the tour" button finds the seeded tour by this name. */
export const DEMO_TOUR_NAME = 'Welcome to Acme Analytics';

/**
 * The worked example of product tours, across two pages of the demo SPA: from
 * the nav to the Reports page, whose list renders late (the widget waits for
 * the export button) and whose total sits at the bottom of a scrolled panel.
 * Live, but its event is never tracked: it runs only from `Messenger.startTour`.
 */
async function seedDemoTour(domain: Domain, workspaceId: string): Promise<void> {
  // Parsed like a POST /api/v1/tours body, so the seed can't drift from what the API accepts.
  const tour = createTourSchema.parse({
    name: DEMO_TOUR_NAME,
    trigger: { on: 'event', event: 'demo_tour_requested' },
    status: 'live',
    steps: [
      { id: 'welcome', kind: 'post', title: 'Welcome to Acme Analytics', body: 'A one-minute look at where your numbers live. You can leave the tour at any time.' },
      { id: 'reports-nav', kind: 'tooltip', selector: '#nav-reports', placement: 'end', body: 'Your reports live here — click **Reports**.', advance: 'click' },
      { id: 'export', kind: 'spotlight', selector: '[data-tour="export"]', page: '/demo/reports', title: 'Export in one click', body: 'Download any report as CSV, ready for your spreadsheet.' },
      { id: 'report-total', kind: 'tooltip', selector: '[data-tour="report-total"]', page: '/demo/reports', body: "The month's total sits at the bottom of every report." },
      { id: 'done', kind: 'post', title: "That's it!", body: 'Questions? Write to us from the messenger any time.' },
    ],
  });
  await domain.tours.create(workspaceId, tour);
}
