/**
 * Input schemas for business hours, SLA policies and the away message, as
 * `PATCH /api/v1/settings` takes them. Zones are checked with Intl and stored
 * under their canonical name; times are "HH:MM" (24-hour, "24:00" as an end).
 */
import { z } from 'zod';
import { BUSINESS_HOURS_LIMITS, minutesOfDay } from './business-hours.js';
import { SERVICE_LEVEL_LIMITS } from './service-levels.js';
import { isValidTimeZone } from './time-zones.js';

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'must be an IANA time zone like Europe/Berlin')
  // "europe/berlin" works in Intl too; store the name Intl reports, so it compares and prints the same.
  .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);

const openingIntervalSchema = z
  .tuple([z.string().max(5), z.string().max(5)])
  .refine(([start, end]) => minutesOfDay(start) !== null && minutesOfDay(end) !== null, 'times are "HH:MM", 00:00–24:00')
  .refine(([start, end]) => start !== '24:00' && start !== end, 'an interval starts before 24:00 and has a length');

const daySchema = z.array(openingIntervalSchema).max(BUSINESS_HOURS_LIMITS.intervalsPerDay).default([]);

export const businessHoursSchema = z.strictObject({
  timezone: timeZoneSchema,
  /** Weekdays left out are closed. */
  days: z.strictObject({ mon: daySchema, tue: daySchema, wed: daySchema, thu: daySchema, fri: daySchema, sat: daySchema, sun: daySchema }),
});

const slaMinutesSchema = z.number().int().min(1).max(SERVICE_LEVEL_LIMITS.slaMinutes).optional();

export const slaPolicySchema = z.strictObject({
  first_response_minutes: slaMinutesSchema,
  next_response_minutes: slaMinutesSchema,
  resolution_minutes: slaMinutesSchema,
});

/** A team's override, replaced whole: a field left out (or null) falls back to the workspace's. */
export const teamServiceLevelsSchema = z.strictObject({
  businessHours: businessHoursSchema.nullable().default(null),
  slaPolicy: slaPolicySchema.nullable().default(null),
});

/** Team id → its override; null removes a team's override. Teams not named keep theirs. */
export const teamServiceLevelsPatchSchema = z
  .record(z.string().min(1).max(64), teamServiceLevelsSchema.nullable())
  .refine((m) => Object.keys(m).length <= SERVICE_LEVEL_LIMITS.teamOverrides, `at most ${SERVICE_LEVEL_LIMITS.teamOverrides} teams at once`);

/** The workspace's away message; "" (or null) goes back to the translated default. */
export const awayMessageSchema = z
  .string()
  .trim()
  .max(SERVICE_LEVEL_LIMITS.awayMessage)
  .nullable()
  .transform((text) => (text ? text : null));
