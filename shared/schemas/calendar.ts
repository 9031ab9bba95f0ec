import { z } from 'zod';
import { isValidLocalDate } from '../domain/local-date';
import { EpochMsSchema, IdSchema } from './common';

/** A calendar day, `YYYY-MM-DD`, that exists (2026-02-30 does not). */
export const LocalDateSchema = z
  .string()
  .refine(isValidLocalDate, { message: 'must be a real date as YYYY-MM-DD' });

/**
 * Indonesia's three zones: WIB (Asia/Jakarta, UTC+7), WITA (Asia/Makassar, UTC+8) and
 * WIT (Asia/Jayapura, UTC+9). Units keep their own zone; due dates are read in it.
 */
export const TimeZoneSchema = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);

/** Local wall-clock time `HH:MM` (24 h). */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

/** Opening hours on each working day, in the unit's zone; `closesAt` is when "due" falls. */
export const OfficeHoursSchema = z
  .object({ opensAt: ClockTimeSchema, closesAt: ClockTimeSchema })
  .refine((hours) => hours.opensAt < hours.closesAt, {
    message: 'opensAt must be before closesAt',
    path: ['closesAt'],
  });
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

/**
 * An organisational unit with its own working calendar (the contact center itself, or an owning
 * unit cases are handed to). `workingWeekdays` overrides Monday–Friday for units that serve the
 * public on other days (indonesia.md W3). `isClosedOnCollectiveLeave`: whether cuti bersama days
 * are non-working for this unit's clocks; off by default, which gives the earlier, safer date
 * (cuti bersama is ASN leave, not a legal holiday: W8).
 */
export const UnitSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(120),
  timeZone: TimeZoneSchema,
  workingWeekdays: z.array(WeekdaySchema).min(1).max(7),
  officeHours: OfficeHoursSchema,
  isClosedOnCollectiveLeave: z.boolean(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** `holiday`: a national holiday (always non-working); `collective_leave`: cuti bersama. */
export const CalendarDayKindSchema = z.enum(['holiday', 'collective_leave']);
export type CalendarDayKind = z.infer<typeof CalendarDayKindSchema>;

export const HolidaySchema = z.object({
  date: LocalDateSchema,
  /** As the decree names it, in Bahasa Indonesia (e.g. `Hari Suci Nyepi`). */
  name: z.string().trim().min(1).max(200),
  kind: CalendarDayKindSchema,
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const HolidayYearParamSchema = z.coerce.number().int().min(2000).max(2100);

/** One year's list as loaded. `isLoaded: false` means nobody has loaded that year yet. */
export const HolidayYearSchema = z.object({
  year: z.number().int(),
  isLoaded: z.boolean(),
  /** Where the list comes from (decree number, web page); free text. */
  source: z.string().nullable(),
  loadedAt: EpochMsSchema.nullable(),
  holidays: z.array(HolidaySchema),
});
export type HolidayYear = z.infer<typeof HolidayYearSchema>;

/** Replaces a whole year's list at once. Dates must lie in the year (checked against the path). */
export const ReplaceHolidaysBodySchema = z
  .object({
    holidays: z.array(HolidaySchema).max(120),
    source: z.string().trim().min(1).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.holidays.forEach((holiday, index) => {
      if (seen.has(holiday.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: `${holiday.date} is listed twice; one entry per date`,
        });
      }
      seen.add(holiday.date);
    });
  });
export type ReplaceHolidaysBody = z.infer<typeof ReplaceHolidaysBodySchema>;
