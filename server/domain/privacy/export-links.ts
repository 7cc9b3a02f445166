/**
 * A verified visitor's own export is delivered as a download link valid for a
 * short time: `/api/v1/widget/export/<token>`, the token a JWT (HS256, server
 * secret, its own audience so no visitor token passes for one) naming the
 * contact and workspace. The link is the capability: it works in a plain
 * navigation (no header, no cookie) and stops working at `exp`.
 */
import { SignJWT, jwtVerify } from 'jose';
import { notFound } from '../errors.js';

export interface ExportLinkClaims {
  contactId: string;
  workspaceId: string;
}

const AUDIENCE = 'parley:self-export';
/** Long enough to click, short enough that a link found later in a history or a log is useless. */
export const EXPORT_LINK_SECONDS = 15 * 60;

export class ExportLinks {
  private readonly key: Uint8Array;

  constructor(
    serverSecret: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(serverSecret);
  }

  async issue(claims: ExportLinkClaims, publicUrl: string): Promise<{ url: string; expiresAt: string }> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const exp = now + EXPORT_LINK_SECONDS;
    const token = await new SignJWT({ ws: claims.workspaceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.contactId)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { url: `${publicUrl}/api/v1/widget/export/${token}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** A bad or expired link answers like a missing one (404). */
  async verify(token: string): Promise<ExportLinkClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.clock(),
      });
      if (typeof payload.ws !== 'string' || typeof payload.sub !== 'string') throw new Error('claims');
      return { contactId: payload.sub, workspaceId: payload.ws };
    } catch {
      throw notFound('export');
    }
  }
}
