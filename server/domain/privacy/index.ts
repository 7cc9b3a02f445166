/**
 * Privacy (docs/privacy.md): the contact export and erase driven by one
 * registry of contact tables, retention windows, the audit log, the visitor's
 * own export links, and what is (not) collected from a page view.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { Attachments } from '../attachments/index.js';
import type { DomainBus } from '../bus.js';
import { AuditLog } from './audit-log.js';
import { ContactEraser } from './contact-eraser.js';
import { ContactExporter } from './contact-export.js';
import { CountryRecorder } from './country.js';
import { ExportLinks } from './export-links.js';
import { RetentionJob } from './retention.js';

export { AuditLog, auditActorOf, type AuditRecord } from './audit-log.js';
export { CONTACT_TABLES, NO_PERSONAL_DATA, contactTable, type ContactTable, type ExportCoverage } from './contact-tables.js';
export type { ContactLink } from './contact-links.js';
export { type EraseResult, ContactEraser } from './contact-eraser.js';
export { ContactExporter, type ExportOptions } from './contact-export.js';
export { EXPORT_LINK_SECONDS, ExportLinks } from './export-links.js';
export { RETENTION_INTERVAL_MS, RETENTION_LEASE_MS, startRetentionClock } from './retention-clock.js';
export { RetentionJob, type RetentionReport } from './retention.js';
export { CountryRecorder, countryFrom } from './country.js';
export { keepAllowedQuery } from './url-query.js';
export { exportCsvBundle } from './export-csv.js';

export interface Privacy {
  exporter: ContactExporter;
  eraser: ContactEraser;
  retention: RetentionJob;
  exportLinks: ExportLinks;
  countries: CountryRecorder;
}

export interface PrivacyDeps {
  db: Kysely<Database>;
  attachments: Attachments;
  bus: DomainBus;
  audit: AuditLog;
  /** The server secret: signs the visitor's export links. */
  secret: string;
  /** The proxy's country header (`COUNTRY_HEADER`); none: no country is ever recorded. */
  countryHeader?: string;
}

export function createPrivacy({ db, attachments, bus, audit, secret, countryHeader }: PrivacyDeps): Privacy {
  return {
    exporter: new ContactExporter(db, attachments),
    eraser: new ContactEraser({ db, attachments, bus, audit }),
    retention: new RetentionJob(db, attachments, audit),
    exportLinks: new ExportLinks(secret),
    countries: new CountryRecorder(db, countryHeader?.toLowerCase()),
  };
}
