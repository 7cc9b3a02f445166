/**
 * The visitor's country, coarse on purpose: two letters from the header a
 * proxy or CDN in front of Parley sets (`COUNTRY_HEADER`, e.g. CF-IPCountry,
 * CloudFront-Viewer-Country). Parley never stores the IP address itself, and
 * keeps the country only while the workspace says so (`storeCountry`).
 *
 * @example await countries.record(ws, contact.id, req.headers)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { Workspace } from '../workspaces/index.js';

export function countryFrom(headerValue: string | string[] | undefined): string | null {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  const code = value?.trim().toUpperCase();
  // "XX" and "T1" are what Cloudflare sends for unknown and Tor: not a country.
  return code && /^[A-Z]{2}$/.test(code) && code !== 'XX' ? code : null;
}

export class CountryRecorder {
  constructor(
    private readonly db: Kysely<Database>,
    /** Lower-case header name; undefined: no proxy tells us, nothing is recorded. */
    private readonly header: string | undefined,
  ) {}

  async record(ws: Workspace, contactId: string, headers: Record<string, string | string[] | undefined>): Promise<void> {
    if (!this.header || !ws.privacy.storeCountry) return;
    const country = countryFrom(headers[this.header]);
    if (!country) return;
    await this.db
      .updateTable('contacts')
      .set({ country })
      .where('id', '=', contactId)
      .where((eb) => eb.or([eb('country', 'is', null), eb('country', '!=', country)]))
      .execute();
  }

  /** The workspace stopped keeping countries: the ones kept go too. */
  async forget(workspaceId: string): Promise<void> {
    await this.db.updateTable('contacts').set({ country: null }).where('workspace_id', '=', workspaceId).where('country', 'is not', null).execute();
  }
}
