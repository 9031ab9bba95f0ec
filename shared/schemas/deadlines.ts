import { z } from 'zod';
import { parseIsoInstant } from '../domain/zoned-time';
import { LocalDateSchema, UnitSchema } from './calendar';
import { IdSchema } from './common';

/**
 * Request types with their own clocks (indonesia.md §2): public-information request (UU 14/2008),
 * objection to its handling, complaint (UU 25/2009), personal-data request (UU 27/2022), and
 * inquiry and aspiration, which have internal service classes only.
 */
export const RequestTypeSchema = z.enum([
  'information_request',
  'objection',
  'complaint',
  'personal_data_request',
  'inquiry',
  'aspiration',
]);
export type RequestType = z.infer<typeof RequestTypeSchema>;
export const REQUEST_TYPES = RequestTypeSchema.options;

/** Internal service classes: same working day, 1 working day, 1 week, or a custom length. */
export const ServiceClassSchema = z.enum(['immediate', 'one_day', 'one_week', 'custom']);
export type ServiceClass = z.infer<typeof ServiceClassSchema>;

/**
 * How a rule counts: `working_days` (hari kerja, on the unit's calendar), `calendar_days`
 * (every day counts), `hours` (elapsed clock hours, nights and holidays included).
 */
export const DurationUnitSchema = z.enum(['working_days', 'calendar_days', 'hours']);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

export const DurationSchema = z.object({
  amount: z.number().int().min(0).max(1000),
  unit: DurationUnitSchema,
});
export type Duration = z.infer<typeof DurationSchema>;

/** The clocks a request can run: one per legal obligation. */
export const ClockNameSchema = z.enum([
  'notice',
  'response',
  'acknowledgement',
  'resolution',
  'fulfilment',
  'answer',
  'follow_up',
]);
export type ClockName = z.infer<typeof ClockNameSchema>;

const FixedServiceClassSchema = z.enum(['immediate', 'one_day', 'one_week']);

/**
 * How the internal target is set:
 * - `before_legal`: the legal due moved earlier by `workingDays` (0 = the legal due itself);
 * - `duration`: its own length from receipt (never later than the legal due);
 * - `service_class`: chosen per request from the class table (inquiry, aspiration).
 */
export const InternalTargetRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('before_legal'), workingDays: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal('duration'), duration: DurationSchema }),
  z.object({
    kind: z.literal('service_class'),
    defaultClass: FixedServiceClassSchema,
    classes: z.object({
      immediate: DurationSchema,
      one_day: DurationSchema,
      one_week: DurationSchema,
    }),
  }),
]);
export type InternalTargetRule = z.infer<typeof InternalTargetRuleSchema>;

/** KIP-style extension: at most `maxCount` times, up to `maxAmount` working days, with a reason. */
export const ExtensionRuleSchema = z.object({
  maxAmount: z.number().int().min(1).max(100),
  unit: z.literal('working_days'),
  maxCount: z.number().int().min(1).max(5),
  isReasonRequired: z.boolean(),
});
export type ExtensionRule = z.infer<typeof ExtensionRuleSchema>;

export const ClockRuleSchema = z
  .object({
    clock: ClockNameSchema,
    /** `receipt`, or `complete_file` (complaint resolution runs from the complete file, P6). */
    startsFrom: z.enum(['receipt', 'complete_file']),
    /** `null`: no statute, internal target only. */
    legal: DurationSchema.nullable(),
    internal: InternalTargetRuleSchema,
    extension: ExtensionRuleSchema.optional(),
    /** Where the rule comes from, for people checking it (e.g. `UU 14/2008 Ps 22(7); K3`). */
    source: z.string().min(1).max(300),
  })
  .superRefine((rule, ctx) => {
    if (!rule.legal && rule.internal.kind === 'before_legal') {
      ctx.addIssue({
        code: 'custom',
        path: ['internal'],
        message: 'before_legal needs a legal rule',
      });
    }
    if (rule.extension && rule.legal?.unit !== 'working_days') {
      ctx.addIssue({
        code: 'custom',
        path: ['extension'],
        message: 'extensions apply to working-day legal rules',
      });
    }
  });
export type ClockRule = z.infer<typeof ClockRuleSchema>;

/** The clocks of one request type; the first is the one shown first (the next thing due). */
export const RequestTypeRulesSchema = z.object({
  clocks: z
    .array(ClockRuleSchema)
    .min(1)
    .max(5)
    .refine((clocks) => new Set(clocks.map((c) => c.clock)).size === clocks.length, {
      message: 'one rule per clock',
    }),
});
export type RequestTypeRules = z.infer<typeof RequestTypeRulesSchema>;

/** Every request type's rules (exhaustive). Shipped defaults, overridable per type. */
export const DeadlineRuleTableSchema = z.record(RequestTypeSchema, RequestTypeRulesSchema);
export type DeadlineRuleTable = z.infer<typeof DeadlineRuleTableSchema>;

/** A day a clock did not count (or, for calendar-day and hour clocks, a day the office was shut). */
export const SkippedDaySchema = z.object({
  date: LocalDateSchema,
  /** `weekend`: not one of the unit's working weekdays. */
  reason: z.enum(['weekend', 'holiday', 'collective_leave']),
  /** The holiday's or collective leave's name. */
  name: z.string().optional(),
});
export type SkippedDay = z.infer<typeof SkippedDaySchema>;

/**
 * - `holiday_data_missing`: the computation crossed a year with no holiday list loaded; that
 *   year was counted with weekends only, so the date may be too early or too late.
 * - `no_office_hours_before_limit`: the office is shut for the whole time between receipt and
 *   the legal limit; the due is the limit itself, outside office hours.
 * - `assumes_complete_file`: the clock runs from the complete file; the preview assumes the file
 *   was complete at receipt.
 */
export const DeadlineWarningSchema = z.object({
  code: z.enum(['holiday_data_missing', 'no_office_hours_before_limit', 'assumes_complete_file']),
  message: z.string(),
  year: z.number().int().optional(),
  clock: ClockNameSchema.optional(),
});
export type DeadlineWarning = z.infer<typeof DeadlineWarningSchema>;

/** ISO 8601 date-time with a UTC offset (`Z` or `±hh:mm`); seconds optional. */
export const IsoInstantSchema = z.string().refine((text) => parseIsoInstant(text) !== undefined, {
  message: 'must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-12T10:00:00+07:00',
});

export const DeadlinePreviewQuerySchema = z.object({
  type: RequestTypeSchema,
  receivedAt: IsoInstantSchema,
  /** The unit whose calendar counts; the contact center's own unit when absent. */
  unit: IdSchema.optional(),
  /** Inquiry and aspiration only; their default class when absent. */
  serviceClass: ServiceClassSchema.optional(),
  /** With `serviceClass=custom`: the internal target in working days. */
  customWorkingDays: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number of working days')
    .transform(Number)
    .pipe(z.number().int().min(0).max(250))
    .optional(),
});
export type DeadlinePreviewQuery = z.infer<typeof DeadlinePreviewQuerySchema>;

/** A due moment. `dueAt` is ISO 8601 with the unit's offset; `dueDate` its local day. */
const DueSchema = z.object({
  dueAt: z.string(),
  dueDate: LocalDateSchema,
});

export const LegalDueSchema = DueSchema.extend({
  /** The limit as the rule states it (end of day N, or receipt + N hours), before office hours. */
  limitAt: z.string(),
  rule: DurationSchema,
  source: z.string(),
  /** The latest legal due if the one allowed extension is used in full. */
  maxExtension: DueSchema.extend({
    amount: z.number().int(),
    unit: z.literal('working_days'),
  }).nullable(),
});
export type LegalDue = z.infer<typeof LegalDueSchema>;

export const InternalTargetSchema = DueSchema.extend({
  basis: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('before_legal'), workingDays: z.number().int() }),
    z.object({ kind: z.literal('duration'), duration: DurationSchema }),
    z.object({
      kind: z.literal('service_class'),
      serviceClass: ServiceClassSchema,
      duration: DurationSchema,
    }),
  ]),
  /** True when the basis alone would have given a date outside [receipt day, legal due]. */
  isClamped: z.boolean(),
});
export type InternalTarget = z.infer<typeof InternalTargetSchema>;

export const ClockPreviewSchema = z.object({
  clock: ClockNameSchema,
  startsFrom: z.enum(['receipt', 'complete_file']),
  /** The instant this clock counts from (receipt moved into office hours, or the raw receipt). */
  startsAt: z.string(),
  internalTarget: InternalTargetSchema,
  legalDue: LegalDueSchema.nullable(),
});
export type ClockPreview = z.infer<typeof ClockPreviewSchema>;

export const DeadlinePreviewSchema = z.object({
  type: RequestTypeSchema,
  serviceClass: ServiceClassSchema.nullable(),
  unit: UnitSchema,
  /** As sent, re-expressed in the unit's zone. */
  receivedAt: z.string(),
  /** When the request counts as received: in office hours, or the next opening. */
  countsFrom: z.object({
    at: z.string(),
    date: LocalDateSchema,
    shiftedBecause: z.enum(['before_hours', 'after_hours', 'non_working_day']).nullable(),
  }),
  /** The first clock's internal target and legal due (the next thing due). */
  internalTarget: InternalTargetSchema,
  legalDue: LegalDueSchema.nullable(),
  /** Every clock of the type, first one first. */
  clocks: z.array(ClockPreviewSchema).min(1),
  /** Non-working days from the receipt day through the last day any clock reaches. */
  skippedDays: z.array(SkippedDaySchema),
  warnings: z.array(DeadlineWarningSchema),
});
export type DeadlinePreview = z.infer<typeof DeadlinePreviewSchema>;
