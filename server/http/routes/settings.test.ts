import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootResult, WorkspaceSettings } from '../../../protocol/index.js';
import {
  IDENTITY_SECRET,
  adminFetch,
  bootVisitor,
  loginAgent,
  startTestServer,
  type TestServer,
  widgetPost,
} from '../../test-support/test-server.js';

const API_TOKEN = 'pk_test_settings_token';
let server: TestServer;
let admin: { cookie: string; csrf: string; agentId: string };

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: API_TOKEN });
  admin = await loginAgent(server.url);
});
afterAll(() => server.stop());

const getSettings = () => adminFetch<WorkspaceSettings>(server.url, admin, 'GET', '/settings');
const patchSettings = (body: unknown) => adminFetch<WorkspaceSettings & { error?: { code: string; message: string } }>(server.url, admin, 'PATCH', '/settings', body);

describe('GET /api/v1/settings', () => {
  it('returns the workspace settings and the install snippet, without the identity secret', async () => {
    const res = await getSettings();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'allowedOrigins',
        'appId',
        'awayMessage',
        'businessHours',
        'chatBeforeConsent',
        'color',
        'greeting',
        'identityVerification',
        'launcherOffset',
        'launcherPosition',
        'name',
        'privacy',
        'quietPages',
        'reassignOnOffline',
        'requireConsent',
        'requireEmail',
        'slaPolicy',
        'snippet',
        'surveyRecontactDays',
        'teamAvatars',
        'teamServiceLevels',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      appId: 'demo',
      name: 'Parley Demo',
      color: '#4f46e5',
      launcherPosition: 'right',
      launcherOffset: 20,
      teamAvatars: [],
      identityVerification: true,
      requireEmail: false,
    });
    expect(res.body.allowedOrigins).toContain('http://127.0.0.1:*');
    // PUBLIC_URL of the test server, and the workspace's own app id.
    expect(res.body.snippet).toMatch(/^<script>\n!function\(w,d,h\)/);
    expect(res.body.snippet).toContain('(window,document,"http://127.0.0.1")');
    expect(res.body.snippet).toContain('Messenger.boot({ appId: "demo" });\n</script>');
    expect(JSON.stringify(res.body)).not.toContain(IDENTITY_SECRET);
  });

  it('needs a session or an API token', async () => {
    expect((await fetch(`${server.url}/api/v1/settings`)).status).toBe(401);
    const viaToken = await fetch(`${server.url}/api/v1/settings`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });
    expect(viaToken.status).toBe(200);
  });
});

describe('PATCH /api/v1/settings', () => {
  it('changes only the fields sent, normalises them, and boot sees the change at once', async () => {
    // Warm the workspace cache through a boot first: the change must not wait for its TTL.
    const before = await bootVisitor(server.url);
    expect(before.settings).toMatchObject({ launcherPosition: 'right', launcherOffset: 20, teamAvatars: [], requireEmail: false });

    const res = await patchSettings({
      name: '  Acme Support ',
      greeting: 'Hello from Acme',
      color: '#0EA5E9',
      launcherPosition: 'left',
      launcherOffset: 32,
      teamAvatars: [
        { name: 'Ada', url: 'https://cdn.example.com/ada.png' },
        { name: 'Grace', url: 'http://cdn.example.com/grace.png' },
      ],
      allowedOrigins: ['https://App.Example.com/', 'http://localhost:*', 'https://*.acme.io', 'http://127.0.0.1:*', 'http://localhost:*'],
      requireEmail: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      appId: 'demo',
      name: 'Acme Support',
      greeting: 'Hello from Acme',
      color: '#0ea5e9',
      launcherPosition: 'left',
      launcherOffset: 32,
      teamAvatars: [
        { name: 'Ada', url: 'https://cdn.example.com/ada.png' },
        { name: 'Grace', url: 'http://cdn.example.com/grace.png' },
      ],
      allowedOrigins: ['https://app.example.com', 'http://localhost:*', 'https://*.acme.io', 'http://127.0.0.1:*'],
      identityVerification: true, // not sent: unchanged
      requireEmail: true,
    });
    expect((await getSettings()).body).toEqual(res.body);

    const after = await bootVisitor(server.url);
    expect(after.settings).toEqual({
      appId: 'demo',
      name: 'Acme Support',
      greeting: 'Hello from Acme',
      color: '#0ea5e9',
      launcherPosition: 'left',
      launcherOffset: 32,
      teamAvatars: [
        { name: 'Ada', url: 'https://cdn.example.com/ada.png' },
        { name: 'Grace', url: 'http://cdn.example.com/grace.png' },
      ],
      identityVerification: true,
      requireConsent: false,
      chatBeforeConsent: false,
      requireEmail: true,
      quietPages: [],
      replyTime: { online: true, typicalMinutes: null, nextOpening: null },
      // The seeded demo workspace has live help articles: the messenger shows its Home tab.
      helpCenter: true,
    });
    expect(JSON.stringify(after)).not.toContain(IDENTITY_SECRET);
  });

  it('applies a narrowed origin allowlist to the next boot at once', async () => {
    expect((await patchSettings({ allowedOrigins: ['https://app.example.com'] })).status).toBe(200);
    const refused = await widgetPost<{ error: { code: string } }>(server.url, 'boot', { appId: 'demo' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    const allowed = await widgetPost<BootResult>(server.url, 'boot', { appId: 'demo' }, 'https://app.example.com');
    expect(allowed.status).toBe(200);
    expect((await patchSettings({ allowedOrigins: ['http://127.0.0.1:*'] })).status).toBe(200);
  });

  it('accepts an empty patch and an empty team', async () => {
    const res = await patchSettings({});
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Acme Support');
    expect((await patchSettings({ teamAvatars: [], greeting: '' })).body).toMatchObject({ teamAvatars: [], greeting: '' });
  });

  it.each([
    ['a bad colour', { color: 'red' }],
    ['a colour with CSS in it', { color: '#fff;background:url(x)' }],
    ['an origin with a path', { allowedOrigins: ['https://app.example.com/path'] }],
    ['a bare host', { allowedOrigins: ['app.example.com'] }],
    ['a non-http origin', { allowedOrigins: ['javascript://x'] }],
    ['a javascript: avatar URL', { teamAvatars: [{ name: 'Eve', url: 'javascript:alert(1)' }] }],
    ['a data: avatar URL', { teamAvatars: [{ name: 'Eve', url: 'data:image/svg+xml,<svg/>' }] }],
    ['a relative avatar URL', { teamAvatars: [{ name: 'Eve', url: '/eve.png' }] }],
    ['six avatars', { teamAvatars: Array.from({ length: 6 }, (_, i) => ({ name: `A${i}`, url: `https://x.example/${i}.png` })) }],
    ['an avatar without a name', { teamAvatars: [{ name: '', url: 'https://x.example/a.png' }] }],
    ['an overlong avatar URL', { teamAvatars: [{ name: 'A', url: `https://x.example/${'a'.repeat(500)}` }] }],
    ['an empty name', { name: '   ' }],
    ['an overlong name', { name: 'n'.repeat(81) }],
    ['an overlong greeting', { greeting: 'g'.repeat(281) }],
    ['an unknown position', { launcherPosition: 'top' }],
    ['a negative offset', { launcherOffset: -1 }],
    ['an offset over 200', { launcherOffset: 201 }],
    ['a fractional offset', { launcherOffset: 1.5 }],
    ['a string boolean', { requireEmail: 'yes' }],
    ['too many origins', { allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example.com`) }],
    ['an unknown field', { identitySecret: 'mine' }],
    ['a snake_case field', { launcher_position: 'left' }],
    ['a valid field next to an invalid one', { name: 'Changed', color: 'nope' }],
  ])('refuses %s with 400 and changes nothing', async (_what, body) => {
    const before = (await getSettings()).body;
    const res = await patchSettings(body);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    expect((await getSettings()).body).toEqual(before);
  });

  it('refuses agents without the admin role (403) but lets them read', async () => {
    const ws = await server.domain.workspaces.byAppId('demo');
    await server.domain.agents.create({ workspaceId: ws.id, email: 'agent@test.local', name: 'Agent', role: 'agent', password: 'agent password 1' });
    const agent = await loginAgent(server.url, { email: 'agent@test.local', password: 'agent password 1' });
    const before = (await getSettings()).body;
    const res = await adminFetch<{ error: { code: string } }>(server.url, agent, 'PATCH', '/settings', { name: 'Hijacked' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    // Even an invalid body is refused for the role first: an agent learns nothing about validation.
    expect((await adminFetch(server.url, agent, 'PATCH', '/settings', { color: 'nope' })).status).toBe(403);
    expect((await getSettings()).body).toEqual(before);
    const read = await adminFetch<WorkspaceSettings>(server.url, agent, 'GET', '/settings');
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(IDENTITY_SECRET);
  });

  it('lets an API token change settings', async () => {
    const res = await fetch(`${server.url}/api/v1/settings`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${API_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ identityVerification: false, launcherOffset: 0 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as WorkspaceSettings;
    expect(body).toMatchObject({ identityVerification: false, launcherOffset: 0 });
    expect(JSON.stringify(body)).not.toContain(IDENTITY_SECRET);
    expect((await bootVisitor(server.url)).settings).toMatchObject({ identityVerification: false, launcherOffset: 0 });
  });

  it('needs the CSRF token with a cookie session', async () => {
    const res = await fetch(`${server.url}/api/v1/settings`, {
      method: 'PATCH',
      headers: { Cookie: admin.cookie, Origin: server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'No CSRF' }),
    });
    expect(res.status).toBe(403);
    expect((await getSettings()).body.name).not.toBe('No CSRF');
  });
});
