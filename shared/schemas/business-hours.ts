import { z } from 'zod';
import { minuteOfClockTime } from '../domain/working-calendar';
import { ClockTimeSchema, TimeZoneSchema } from './calendar';
import { ChannelSchema, EpochMsSchema, IdSchema } from './common';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The end of an open interval, `HH:MM` (24 h); `24:00` closes at the end of the day. */
export const ClosingTimeSchema = z
  .string()
  .regex(CLOSING_TIME, 'must be HH:MM (24 h), or 24:00 for midnight');

/** Whether both ends are well-formed: the order of malformed times is not worth a second error. */
function isWellFormed(interval: { from: string; to: string }): boolean {
  return CLOCK_TIME.test(interval.from) && CLOSING_TIME.test(interval.to);
}

/**
 * One stretch of a day when a queue takes contacts, local time in the queue's zone: open from
 * `from` (included) until `to` (excluded). An interval never crosses midnight: a night shift is
 * `22:00–24:00` on one day and `00:00–06:00` on the next.
 */
export const OpenIntervalSchema = z
  .object({ from: ClockTimeSchema, to: ClosingTimeSchema })
  .refine(
    (interval) =>
      !isWellFormed(interval) || minuteOfClockTime(interval.from) < minuteOfClockTime(interval.to),
    {
      message: 'must be after from (an interval cannot end before it starts or cross midnight)',
      path: ['to'],
      params: { reason: 'end_before_start' },
    },
  );
export type OpenInterval = z.infer<typeof OpenIntervalSchema>;

/**
 * A day's open intervals, in any order; they must not overlap (touching is fine). Custom issues
 * carry `params.reason` (`overlap`, `end_before_start`, `no_opening`) so a form can word them.
 */
export const DayHoursSchema = z
  .array(OpenIntervalSchema)
  .max(12)
  .superRefine((intervals, ctx) => {
    intervals.forEach((interval, index) => {
      if (!isWellFormed(interval)) return;
      const start = minuteOfClockTime(interval.from);
      const end = minuteOfClockTime(interval.to);
      const other = intervals.findIndex((candidate, candidateIndex) => {
        if (candidateIndex === index || !isWellFormed(candidate)) return false;
        const candidateStart = minuteOfClockTime(candidate.from);
        const candidateEnd = minuteOfClockTime(candidate.to);
        // Report each overlapping pair once, on the later of the two.
        const isEarlier =
          candidateStart < start || (candidateStart === start && candidateIndex < index);
        return isEarlier && candidateStart < end && start < candidateEnd;
      });
      if (other >= 0) {
        const earlier = intervals[other]!;
        ctx.addIssue({
          code: 'custom',
          path: [index, 'from'],
          message: `overlaps ${earlier.from}–${earlier.to}`,
          params: { reason: 'overlap', with: `${earlier.from}–${earlier.to}` },
        });
      }
    });
  });
export type DayHours = z.infer<typeof DayHoursSchema>;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Open intervals per weekday; an empty day is closed all day. */
export const WeeklyHoursSchema = z.object({
  mon: DayHoursSchema,
  tue: DayHoursSchema,
  wed: DayHoursSchema,
  thu: DayHoursSchema,
  fri: DayHoursSchema,
  sat: DayHoursSchema,
  sun: DayHoursSchema,
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

/**
 * What a contact arriving while its queue is closed gets, instead of waiting:
 * - `message`: the message (an auto-reply on a text channel; played to a caller, who is then let go);
 * - `voicemail`: a voice caller hears the message as a prompt and the telephony records them; a
 *   text contact gets the message as an auto-reply (its text is its message, kept on the contact);
 * - `callback`: the message, and a callback request staff work through once the queue opens.
 */
export const AfterHoursActionSchema = z.enum(['message', 'voicemail', 'callback']);
export type AfterHoursAction = z.infer<typeof AfterHoursActionSchema>;

/** `{opensAt}` in the message becomes the next opening, read out in the queue's zone. */
export const OPENS_AT_PLACEHOLDER = '{opensAt}';

export const DEFAULT_AFTER_HOURS_MESSAGE =
  'Terima kasih telah menghubungi kami. Layanan ini sedang tutup dan buka kembali {opensAt}. ' +
  'Pesan Anda sudah kami terima.';

const QueueHoursFields = {
  timeZone: TimeZoneSchema,
  /** Open around the clock, every day, holidays included; `weekly` is then kept but not used. */
  isAlwaysOpen: z.boolean(),
  weekly: WeeklyHoursSchema,
  /** Closed all day on national holidays (libur nasional) from the holiday calendar. */
  isClosedOnHolidays: z.boolean(),
  /** Closed all day on cuti bersama (collective leave) too. */
  isClosedOnCollectiveLeave: z.boolean(),
  afterHours: z.object({
    action: AfterHoursActionSchema,
    /** Bahasa Indonesia by default; may contain `{opensAt}`. */
    message: z.string().trim().min(1, 'message is required').max(1000),
  }),
};

/** Body of `PUT /api/queues/:id/hours`: a queue's business hours, replaced whole. */
export const QueueHoursSettingsSchema = z.object(QueueHoursFields).superRefine((hours, ctx) => {
  if (!hours.isAlwaysOpen && WEEKDAY_KEYS.every((day) => hours.weekly[day].length === 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['weekly'],
      message: 'open at least one interval a week, or set isAlwaysOpen',
      params: { reason: 'no_opening' },
    });
  }
});
export type QueueHoursSettings = z.infer<typeof QueueHoursSettingsSchema>;

/** `GET /api/queues/:id/hours`: the settings, and who changed them last (null: never changed). */
export const QueueHoursSchema = z.object({
  queueId: IdSchema,
  ...QueueHoursFields,
  updatedAt: EpochMsSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type QueueHours = z.infer<typeof QueueHoursSchema>;

export const QueueIdParamSchema = z.object({ id: IdSchema });

/**
 * What the inbound answer tells the channel when the queue was closed: the action taken, the next
 * opening (null when none is scheduled within a year) and the message as sent or to be played.
 */
export const AfterHoursAnswerSchema = z.object({
  action: AfterHoursActionSchema,
  opensAt: EpochMsSchema.nullable(),
  message: z.string(),
});
export type AfterHoursAnswer = z.infer<typeof AfterHoursAnswerSchema>;

/**
 * A citizen to call back, left by a contact that arrived while its queue (action `callback`) was
 * closed. One open request per citizen and queue. `dueAt`: the opening it was promised for.
 */
export const CallbackRequestSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  reference: z.string(),
  queueId: IdSchema,
  channel: ChannelSchema,
  citizenName: z.string(),
  /** Phone number, e-mail address or handle to reach them on. */
  address: z.string(),
  dueAt: EpochMsSchema.nullable(),
  status: z.enum(['open', 'done']),
  createdAt: EpochMsSchema,
  doneAt: EpochMsSchema.nullable(),
  doneByName: z.string().nullable(),
});
export type CallbackRequest = z.infer<typeof CallbackRequestSchema>;

/** `GET /api/callbacks`: the open requests, the longest due first. */
export const CallbackListSchema = z.object({ callbacks: z.array(CallbackRequestSchema) });
export type CallbackList = z.infer<typeof CallbackListSchema>;
