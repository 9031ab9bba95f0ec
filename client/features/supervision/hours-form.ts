/**
 * The business-hours editor's form: each day's intervals as one line of text, the way people write
 * opening hours ("08.00–12.00, 13.00–16.00"), turned into the PUT body and checked with the same
 * schema the server applies.
 */
import {
  QueueHoursSettingsSchema,
  WEEKDAY_KEYS,
  type DayHours,
  type OpenInterval,
  type QueueHours,
  type QueueHoursSettings,
  type WeekdayKey,
} from '../../../shared/schemas/business-hours';

export interface HoursForm {
  isAlwaysOpen: boolean;
  timeZone: QueueHoursSettings['timeZone'];
  days: Record<WeekdayKey, string>;
  isClosedOnHolidays: boolean;
  isClosedOnCollectiveLeave: boolean;
  action: QueueHoursSettings['afterHours']['action'];
  message: string;
}

/** Field errors by form field: a weekday key, `message`, `timeZone` or `form`. */
export type HoursFormErrors = Partial<Record<WeekdayKey | 'message' | 'timeZone' | 'form', string>>;

const INTERVAL_TEXT = /^(\d{1,2})[.:](\d{2})\s*[-–—]\s*(\d{1,2})[.:](\d{2})$/;

function clock(hours: string, minutes: string): string {
  return `${hours.padStart(2, '0')}:${minutes}`;
}

/** `08.00–12.00, 13.00–16.00` in Indonesian, `08:00–12:00, …` in English; empty when closed. */
export function dayText(intervals: readonly OpenInterval[], language: string): string {
  const time = (value: string) => (language === 'en' ? value : value.replace(':', '.'));
  return intervals.map((i) => `${time(i.from)}–${time(i.to)}`).join(', ');
}

/** A day's line back into intervals; undefined when a part is not written as `HH.MM–HH.MM`. */
export function parseDayText(text: string): DayHours | undefined {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const intervals: OpenInterval[] = [];
  for (const part of parts) {
    const match = INTERVAL_TEXT.exec(part);
    if (!match) return undefined;
    intervals.push({ from: clock(match[1]!, match[2]!), to: clock(match[3]!, match[4]!) });
  }
  return intervals;
}

export function formFromHours(hours: QueueHours, language: string): HoursForm {
  return {
    isAlwaysOpen: hours.isAlwaysOpen,
    timeZone: hours.timeZone,
    days: Object.fromEntries(
      WEEKDAY_KEYS.map((day) => [day, dayText(hours.weekly[day], language)]),
    ) as Record<WeekdayKey, string>,
    isClosedOnHolidays: hours.isClosedOnHolidays,
    isClosedOnCollectiveLeave: hours.isClosedOnCollectiveLeave,
    action: hours.afterHours.action,
    message: hours.afterHours.message,
  };
}

/** How the form words each refusal, in the UI language. */
export interface HoursFormMessages {
  /** A line that is not `HH.MM–HH.MM, …`. */
  badDay: string;
  overlap: (other: string) => string;
  endBeforeStart: string;
  noOpening: string;
  messageRequired: string;
}

/**
 * The PUT body, or the errors to show: unreadable lines first, then whatever the shared schema
 * refuses (overlaps, an end before its start, an empty week), each on its field.
 */
export function settingsFromForm(
  form: HoursForm,
  messages: HoursFormMessages,
): { settings: QueueHoursSettings } | { errors: HoursFormErrors } {
  const errors: HoursFormErrors = {};
  const weekly: Partial<Record<WeekdayKey, DayHours>> = {};
  for (const day of WEEKDAY_KEYS) {
    const parsed = parseDayText(form.days[day]);
    if (parsed === undefined) errors[day] = messages.badDay;
    else weekly[day] = parsed;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = QueueHoursSettingsSchema.safeParse({
    timeZone: form.timeZone,
    isAlwaysOpen: form.isAlwaysOpen,
    weekly,
    isClosedOnHolidays: form.isClosedOnHolidays,
    isClosedOnCollectiveLeave: form.isClosedOnCollectiveLeave,
    afterHours: { action: form.action, message: form.message },
  });
  if (parsed.success) return { settings: parsed.data };
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path.map(String);
    const params =
      'params' in issue ? (issue.params as Record<string, string> | undefined) : undefined;
    if (first === 'weekly' && second !== undefined && WEEKDAY_KEYS.includes(second as WeekdayKey)) {
      const text =
        params?.reason === 'overlap'
          ? messages.overlap(params.with ?? '')
          : params?.reason === 'end_before_start'
            ? messages.endBeforeStart
            : messages.badDay;
      errors[second as WeekdayKey] ??= text;
    } else if (first === 'weekly') {
      errors.form ??= messages.noOpening;
    } else if (first === 'afterHours') {
      errors.message ??= messages.messageRequired;
    } else {
      errors.form ??= issue.message;
    }
  }
  return { errors };
}
