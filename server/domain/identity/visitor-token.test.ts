import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { VisitorTokens } from './visitor-token.js';

describe('VisitorTokens', () => {
  const tokens = new VisitorTokens('x'.repeat(32));

  it('round-trips the claims', async () => {
    const t = await tokens.issue({ contactId: 'ct_1', workspaceId: 'ws_1' });
    await expect(tokens.verify(t)).resolves.toEqual({ contactId: 'ct_1', workspaceId: 'ws_1' });
  });

  it('refuses a token signed with another key, a tampered one, and garbage', async () => {
    const other = await new VisitorTokens('y'.repeat(32)).issue({ contactId: 'ct_1', workspaceId: 'ws_1' });
    await expect(tokens.verify(other)).rejects.toMatchObject({ code: 'unauthorized' });
    const t = await tokens.issue({ contactId: 'ct_1', workspaceId: 'ws_1' });
    const [h, , s] = t.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'ct_2', ws: 'ws_1', aud: 'parley:visitor', exp: 9e9 })).toString('base64url')}.${s}`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(tokens.verify('nope')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a token without exp and an alg:none token', async () => {
    const key = new TextEncoder().encode('x'.repeat(32));
    const noExp = await new SignJWT({ ws: 'ws_1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('ct_1').setAudience('parley:visitor').sign(key);
    await expect(tokens.verify(noExp)).rejects.toMatchObject({ code: 'unauthorized' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"ct_1","ws":"ws_1","aud":"parley:visitor","exp":9999999999}').toString('base64url')}.`;
    await expect(tokens.verify(none)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
