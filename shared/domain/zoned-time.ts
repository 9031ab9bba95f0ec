/**
 * Instants (epoch milliseconds) seen from a time zone, with `Intl` only: no library, no host zone.
 * Indonesia's zones (WIB Asia/Jakarta +07, WITA Asia/Makassar +08, WIT Asia/Jayapura +09) keep
 * one offset all year, but nothing here assumes it, so any IANA zone works.
 */
import type { DayNumber } from './local-date';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows the zone (e.g. `Asia/Makassar`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in milliseconds (WIB: +25 200 000). */
export function utcOffsetMs(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  // Intl drops the milliseconds; compare against the instant truncated to the second.
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** An instant as a local day and milliseconds since local midnight. */
export interface ZonedMoment {
  day: DayNumber;
  msOfDay: number;
}

export function toZoned(at: number, timeZone: string): ZonedMoment {
  const local = at + utcOffsetMs(at, timeZone);
  const day = Math.floor(local / MS_PER_DAY);
  return { day, msOfDay: local - day * MS_PER_DAY };
}

/** The instant of a local wall-clock time (minutes after midnight) on a local day. */
export function fromZoned(day: DayNumber, minuteOfDay: number, timeZone: string): number {
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  // Two passes settle the offset even across a transition (none in Indonesia today).
  const first = wall - utcOffsetMs(wall, timeZone);
  return wall - utcOffsetMs(first, timeZone);
}

/**
 * ISO 8601 with the zone's offset, e.g. `2026-03-27T16:00:00+07:00`; milliseconds only when
 * there are some. This is how a due date is read out to a citizen: the offset names the zone.
 */
export function formatIsoInZone(at: number, timeZone: string): string {
  const offset = utcOffsetMs(at, timeZone);
  const local = new Date(at + offset).toISOString(); // e.g. 2026-03-27T16:00:00.000Z
  const body = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offset) / MS_PER_MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${body}${sign}${hh}:${mm}`;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 date-time that carries a UTC offset (`Z` or `±hh:mm`) into epoch
 * milliseconds; `undefined` for anything else, including a date-time without an offset (whose
 * instant would depend on the reader's zone) and impossible dates such as 30 February.
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const ms = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  if (
    year! < 1000 ||
    month! < 1 ||
    month! > 12 ||
    day! < 1 ||
    day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate() ||
    hour! > 23 ||
    minute! > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (match[8] !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours > 14 || offsetRest > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  return (
    Date.UTC(year!, month! - 1, day!, hour!, minute!, second, ms) - offsetMinutes * MS_PER_MINUTE
  );
}
