/**
 * Calendar dates without a time or a zone (`YYYY-MM-DD`), the way a holiday list or a printed due
 * date names a day. Arithmetic runs on day numbers (days since 1970-01-01), which never meet
 * daylight-saving or offset questions; zones enter only in `zoned-time.ts`.
 */

/** A calendar day as `YYYY-MM-DD` (proleptic Gregorian). */
export type LocalDate = string;

/** Days since 1970-01-01; 0 is a Thursday. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real `YYYY-MM-DD` date (2026-02-30 is not). */
export function isValidLocalDate(text: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years below 100 as 19xx; no date here is that old.
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day number of a valid `YYYY-MM-DD`; throws on anything else (validate at the edge). */
export function dayNumberOf(date: LocalDate): DayNumber {
  if (!isValidLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  );
}

export function localDateOf(dayNumber: DayNumber): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDay(dayNumber: DayNumber): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(dayNumberOf(date) + days);
}
