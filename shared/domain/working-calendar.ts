/**
 * A unit's working-day calendar: which days count as hari kerja, when the office is open, and in
 * which zone. Pure: the caller supplies the holiday list and the years it covers.
 *
 * Rules (indonesia.md §1.4 and §2):
 * - Working days are the unit's working weekdays (Monday–Friday unless overridden, W1/W3) minus
 *   national holidays (W4), minus cuti bersama (W5) only when the unit's switch says so (W8).
 * - A holiday list is loaded per year. A year with no list is counted with weekends only and
 *   reported through `missingHolidayYears`; it is never silently guessed.
 */
import type { CalendarDayKind, Holiday, Unit } from '../schemas/calendar';
import type { SkippedDay } from '../schemas/deadlines';
import {
  dayNumberOf,
  isoWeekdayOf,
  localDateOf,
  yearOfDay,
  type DayNumber,
  type LocalDate,
} from './local-date';
import { fromZoned, toZoned } from './zoned-time';

const MS_PER_MINUTE = 60_000;
/** No real calendar goes this long without a working day; a longer search means bad data. */
const MAX_DAYS_SEARCHED = 3_700;

export interface CalendarSettings {
  /** IANA zone, e.g. `Asia/Makassar`. */
  timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) the unit works. Never empty. */
  workingWeekdays: readonly number[];
  /** Local minutes after midnight; `opensAtMinute < closesAtMinute`. */
  opensAtMinute: number;
  closesAtMinute: number;
  /** Whether cuti bersama days are non-working for this unit. */
  isClosedOnCollectiveLeave: boolean;
}

export interface WorkingCalendar extends CalendarSettings {
  /** Holidays and collective leave by day number. */
  readonly specialDays: ReadonlyMap<DayNumber, { name: string; kind: CalendarDayKind }>;
  /** Years whose holiday list has been loaded (an empty list still counts as loaded). */
  readonly loadedYears: ReadonlySet<number>;
}

/** The default office hours, 07:30–16:00 local (W1 starts the day at 07:30). */
export const DEFAULT_OPENS_AT_MINUTE = 7 * 60 + 30;
export const DEFAULT_CLOSES_AT_MINUTE = 16 * 60;
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

export function createWorkingCalendar(
  settings: CalendarSettings,
  holidays: readonly Holiday[],
  loadedYears: Iterable<number>,
): WorkingCalendar {
  if (settings.workingWeekdays.length === 0) throw new RangeError('No working weekdays');
  if (!(settings.opensAtMinute < settings.closesAtMinute)) {
    throw new RangeError('Office hours must open before they close');
  }
  const specialDays = new Map<DayNumber, { name: string; kind: CalendarDayKind }>();
  for (const holiday of holidays) {
    const day = dayNumberOf(holiday.date);
    // A national holiday outranks collective leave on the same date.
    if (specialDays.get(day)?.kind === 'holiday') continue;
    specialDays.set(day, { name: holiday.name, kind: holiday.kind });
  }
  return { ...settings, specialDays, loadedYears: new Set(loadedYears) };
}

/** Why a day does not count, or `undefined` for a working day. A named holiday wins. */
export function nonWorkingReasonOn(
  calendar: WorkingCalendar,
  day: DayNumber,
): SkippedDay | undefined {
  const special = calendar.specialDays.get(day);
  const date = localDateOf(day);
  if (special?.kind === 'holiday') return { date, reason: 'holiday', name: special.name };
  if (special?.kind === 'collective_leave' && calendar.isClosedOnCollectiveLeave) {
    return { date, reason: 'collective_leave', name: special.name };
  }
  if (!calendar.workingWeekdays.includes(isoWeekdayOf(day))) return { date, reason: 'weekend' };
  return undefined;
}

export function isWorkingDayNumber(calendar: WorkingCalendar, day: DayNumber): boolean {
  return nonWorkingReasonOn(calendar, day) === undefined;
}

export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): boolean {
  return isWorkingDayNumber(calendar, dayNumberOf(date));
}

/** The `count`-th working day after `day` (`count` 0 gives `day` itself, working or not). */
export function addWorkingDayNumbers(
  calendar: WorkingCalendar,
  day: DayNumber,
  count: number,
): DayNumber {
  return stepWorkingDays(calendar, day, count, 1);
}

/** The `count`-th working day before `day` (`count` 0 gives `day` itself). */
export function subtractWorkingDayNumbers(
  calendar: WorkingCalendar,
  day: DayNumber,
  count: number,
): DayNumber {
  return stepWorkingDays(calendar, day, count, -1);
}

function stepWorkingDays(
  calendar: WorkingCalendar,
  day: DayNumber,
  count: number,
  direction: 1 | -1,
): DayNumber {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Bad day count ${count}`);
  let current = day;
  let found = 0;
  let searched = 0;
  while (found < count) {
    current += direction;
    searched += 1;
    if (isWorkingDayNumber(calendar, current)) {
      found += 1;
      searched = 0;
    } else if (searched > MAX_DAYS_SEARCHED) {
      throw new RangeError('The calendar has no working day for ten years');
    }
  }
  return current;
}

/**
 * `YYYY-MM-DD` form of `addWorkingDayNumbers`: the `count`-th working day after `date`.
 * Adding n then m equals adding n + m, and a holiday is never returned for `count` ≥ 1.
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  date: LocalDate,
  count: number,
): LocalDate {
  return localDateOf(addWorkingDayNumbers(calendar, dayNumberOf(date), count));
}

export function subtractWorkingDays(
  calendar: WorkingCalendar,
  date: LocalDate,
  count: number,
): LocalDate {
  return localDateOf(subtractWorkingDayNumbers(calendar, dayNumberOf(date), count));
}

/** Every non-working day from `from` through `to` (both included), in order, with its reason. */
export function nonWorkingDaysBetween(
  calendar: WorkingCalendar,
  from: DayNumber,
  to: DayNumber,
): SkippedDay[] {
  const days: SkippedDay[] = [];
  for (let day = from; day <= to; day += 1) {
    const reason = nonWorkingReasonOn(calendar, day);
    if (reason) days.push(reason);
  }
  return days;
}

/** Years from `from`'s through `to`'s with no holiday list loaded. */
export function missingHolidayYears(
  calendar: WorkingCalendar,
  from: DayNumber,
  to: DayNumber,
): number[] {
  const missing: number[] = [];
  for (let year = yearOfDay(from); year <= yearOfDay(to); year += 1) {
    if (!calendar.loadedYears.has(year)) missing.push(year);
  }
  return missing;
}

/** The instant the office opens / closes on a local day (whether or not it is a working day). */
export function openingOn(calendar: WorkingCalendar, day: DayNumber): number {
  return fromZoned(day, calendar.opensAtMinute, calendar.timeZone);
}

export function closingOn(calendar: WorkingCalendar, day: DayNumber): number {
  return fromZoned(day, calendar.closesAtMinute, calendar.timeZone);
}

/** Whether an instant falls on a working day between opening and closing (both included). */
export function isWithinOfficeHours(calendar: WorkingCalendar, at: number): boolean {
  const { day, msOfDay } = toZoned(at, calendar.timeZone);
  return (
    isWorkingDayNumber(calendar, day) &&
    msOfDay >= calendar.opensAtMinute * MS_PER_MINUTE &&
    msOfDay <= calendar.closesAtMinute * MS_PER_MINUTE
  );
}

export interface EffectiveReceipt {
  /** The working day the request counts as received on (day 0 of a working-day clock). */
  day: DayNumber;
  /** The receipt itself, or the opening it was moved to. */
  at: number;
  shiftedBecause: 'before_hours' | 'after_hours' | 'non_working_day' | null;
}

/**
 * When a request counts as received: as it is during office hours on a working day; at opening
 * when it came earlier that day; otherwise at the next working day's opening (a request after
 * hours, on a weekend or a holiday counts from the next working day).
 */
export function effectiveReceipt(calendar: WorkingCalendar, receivedAt: number): EffectiveReceipt {
  const { day, msOfDay } = toZoned(receivedAt, calendar.timeZone);
  if (isWorkingDayNumber(calendar, day)) {
    if (msOfDay < calendar.opensAtMinute * MS_PER_MINUTE) {
      return { day, at: openingOn(calendar, day), shiftedBecause: 'before_hours' };
    }
    if (msOfDay < calendar.closesAtMinute * MS_PER_MINUTE) {
      return { day, at: receivedAt, shiftedBecause: null };
    }
  }
  const next = addWorkingDayNumbers(calendar, day, 1);
  return {
    day: next,
    at: openingOn(calendar, next),
    shiftedBecause: isWorkingDayNumber(calendar, day) ? 'after_hours' : 'non_working_day',
  };
}

/**
 * The latest instant at or before `at` when the office is open: `at` itself during office hours,
 * that day's closing when later the same working day, else the previous working day's closing.
 */
export function lastOfficeMomentAtOrBefore(calendar: WorkingCalendar, at: number): number {
  const { day, msOfDay } = toZoned(at, calendar.timeZone);
  if (isWorkingDayNumber(calendar, day) && msOfDay >= calendar.opensAtMinute * MS_PER_MINUTE) {
    return msOfDay >= calendar.closesAtMinute * MS_PER_MINUTE ? closingOn(calendar, day) : at;
  }
  return closingOn(calendar, subtractWorkingDayNumbers(calendar, day, 1));
}

/** Minutes after midnight of a valid `HH:MM`. */
export function minuteOfClockTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of minutes after midnight. */
export function clockTimeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The calendar settings of a unit as configured. */
export function calendarSettingsOf(unit: Unit): CalendarSettings {
  return {
    timeZone: unit.timeZone,
    workingWeekdays: unit.workingWeekdays,
    opensAtMinute: minuteOfClockTime(unit.officeHours.opensAt),
    closesAtMinute: minuteOfClockTime(unit.officeHours.closesAt),
    isClosedOnCollectiveLeave: unit.isClosedOnCollectiveLeave,
  };
}
