import { z } from 'zod';
import { OfficeHoursSchema, TimeZoneSchema, WeekdaySchema } from './calendar';
import { RequestTypeRulesSchema, RequestTypeSchema } from './deadlines';

/**
 * `PUT /api/units/:id/calendar` (administrators): a unit's own working days, office hours, zone,
 * and whether cuti bersama closes it. Applies to clocks computed from now on.
 */
export const UnitCalendarBodySchema = z.object({
  timeZone: TimeZoneSchema,
  workingWeekdays: z
    .array(WeekdaySchema)
    .min(1, 'at least one working day')
    .max(7)
    .refine((days) => new Set(days).size === days.length, { message: 'each day once' }),
  officeHours: OfficeHoursSchema,
  isClosedOnCollectiveLeave: z.boolean(),
});
export type UnitCalendarBody = z.infer<typeof UnitCalendarBodySchema>;

export const RequestTypeParamSchema = z.object({ type: RequestTypeSchema });

/** `GET /api/deadline-rules/:type`: the rules in force, and whether they override the defaults. */
export const DeadlineRulesViewSchema = z.object({
  type: RequestTypeSchema,
  rules: RequestTypeRulesSchema,
  isOverride: z.boolean(),
  defaults: RequestTypeRulesSchema,
});
export type DeadlineRulesView = z.infer<typeof DeadlineRulesViewSchema>;

/** `PUT /api/deadline-rules/:type` (administrators): an override, or null to go back to the defaults. */
export const ReplaceDeadlineRulesBodySchema = z.object({
  rules: RequestTypeRulesSchema.nullable(),
});
