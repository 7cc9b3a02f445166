/** The visitor's export links: valid for fifteen minutes, for this purpose only, and a bad one is a missing one. */
import { describe, expect, it } from 'vitest';
import { VisitorTokens } from '../identity/index.js';
import { EXPORT_LINK_SECONDS, ExportLinks } from './export-links.js';

const SECRET = 'test-server-secret-for-export-links';
const claims = { contactId: 'ct_1', workspaceId: 'ws_1' };
const tokenOf = (url: string) => url.split('/').pop() ?? '';

describe('export links', () => {
  it('name the contact until they expire, then answer not found', async () => {
    const issuedAt = new Date('2030-01-01T00:00:00Z');
    const link = await new ExportLinks(SECRET, () => issuedAt).issue(claims, 'https://parley.example');
    expect(link.url).toMatch(/^https:\/\/parley\.example\/api\/v1\/widget\/export\/[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(link.expiresAt).toBe(new Date(issuedAt.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString());
    const later = (seconds: number) => new ExportLinks(SECRET, () => new Date(issuedAt.getTime() + seconds * 1000));
    expect(await later(EXPORT_LINK_SECONDS - 60).verify(tokenOf(link.url))).toEqual(claims);
    await expect(later(EXPORT_LINK_SECONDS + 60).verify(tokenOf(link.url))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuse another secret, a visitor token, and garbage', async () => {
    const links = new ExportLinks(SECRET);
    const link = await links.issue(claims, 'https://parley.example');
    await expect(new ExportLinks('another-secret').verify(tokenOf(link.url))).rejects.toMatchObject({ code: 'not_found' });
    const visitorToken = await new VisitorTokens(SECRET).issue(claims);
    await expect(links.verify(visitorToken)).rejects.toMatchObject({ code: 'not_found' });
    await expect(links.verify('not.a.token')).rejects.toMatchObject({ code: 'not_found' });
  });
});
