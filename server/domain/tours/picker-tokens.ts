/**
 * Authoring tokens for the element picker: the inbox opens the team's own
 * site with one in the URL fragment, and the widget there starts the picker
 * only when the server vouches for it (a JWT for this workspace, ten minutes).
 * So a link someone crafts cannot put a visitor's page into picking mode.
 * The fragment never reaches the site's server or its logs.
 */
import { SignJWT, jwtVerify } from 'jose';
import { ParleyError } from '../errors.js';

const AUDIENCE = 'parley:picker';
export const PICKER_TOKEN_LIFETIME_S = 600;

export class PickerTokens {
  private readonly key: Uint8Array;

  constructor(serverSecret: string) {
    this.key = new TextEncoder().encode(serverSecret);
  }

  async issue(workspaceId: string, agentId: string | null): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + PICKER_TOKEN_LIFETIME_S;
    const token = await new SignJWT({ ws: workspaceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(agentId ?? 'api')
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The workspace the token was issued for; `unauthorized` when forged, expired or for another purpose. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['exp'] });
      if (typeof payload.ws !== 'string') throw new Error('claims');
      return payload.ws;
    } catch {
      throw new ParleyError('unauthorized', 'invalid or expired picker token');
    }
  }
}
