/**
 * Visitor tokens: what the widget holds instead of a cookie. A JWT (HS256 only,
 * `exp` required) naming the contact and workspace, signed with the server secret.
 * It is re-issued on every boot, so an active visitor never sees it expire.
 */
import { SignJWT, jwtVerify } from 'jose';
import { ParleyError } from '../errors.js';

export interface VisitorClaims {
  contactId: string;
  workspaceId: string;
}

const AUDIENCE = 'parley:visitor';
const LIFETIME = '180d';

export class VisitorTokens {
  private readonly key: Uint8Array;

  constructor(serverSecret: string) {
    this.key = new TextEncoder().encode(serverSecret);
  }

  async issue(claims: VisitorClaims): Promise<string> {
    return new SignJWT({ ws: claims.workspaceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.contactId)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(LIFETIME)
      .sign(this.key);
  }

  async verify(token: string): Promise<VisitorClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      });
      if (typeof payload.ws !== 'string' || typeof payload.sub !== 'string') throw new Error('claims');
      return { contactId: payload.sub, workspaceId: payload.ws };
    } catch {
      throw new ParleyError('unauthorized', 'invalid or expired visitor token');
    }
  }
}
