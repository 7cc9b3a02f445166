/**
 * The workspace's service-level columns ↔ their values: business hours and
 * the SLA policy are JSON, validated on write (protocol/inbox/service-level-schemas.ts);
 * reading only guards against a hand-edited row.
 */
import { type BusinessHours, isValidTimeZone, type SlaPolicy, WEEKDAYS } from '../../../protocol/index.js';
import { parseJsonColumn } from '../json.js';

export interface ServiceLevelFields {
  businessHours: BusinessHours | null;
  slaPolicy: SlaPolicy | null;
  awayMessage: string | null;
}

export function readBusinessHours(text: string | null): BusinessHours | null {
  const value = parseJsonColumn<Partial<BusinessHours> | null>(text, null);
  if (!value || typeof value.timezone !== 'string' || !isValidTimeZone(value.timezone) || typeof value.days !== 'object' || value.days === null) {
    return null;
  }
  const days = value.days;
  return {
    timezone: value.timezone,
    days: Object.fromEntries(WEEKDAYS.map((d) => [d, Array.isArray(days[d]) ? days[d] : []])) as BusinessHours['days'],
  };
}

export function readSlaPolicy(text: string | null): SlaPolicy | null {
  const value = parseJsonColumn<SlaPolicy | null>(text, null);
  return value && typeof value === 'object' ? value : null;
}

/** A policy without any target is stored as none. */
export function writeSlaPolicy(policy: SlaPolicy | null): string | null {
  if (!policy) return null;
  const targets = Object.fromEntries(Object.entries(policy).filter(([, minutes]) => typeof minutes === 'number'));
  return Object.keys(targets).length > 0 ? JSON.stringify(targets) : null;
}
