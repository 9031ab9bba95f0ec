/**
 * A queue's business hours: when it takes contacts, and what a contact arriving outside them is
 * told. Pure: the caller supplies the settings, the holiday list and `now`.
 *
 * Rules (docs/routing.md §2a):
 * - Open intervals are local wall-clock times in the queue's zone, half-open: open at `from`,
 *   closed at `to`. Intervals on one day do not overlap; touching ones (and `…–24:00` followed by
 *   `00:00–…` the next day) join into one open stretch.
 * - `isAlwaysOpen` means open every instant, holidays included.
 * - Otherwise a national holiday closes the whole day when `isClosedOnHolidays`, cuti bersama when
 *   `isClosedOnCollectiveLeave`. A year with no holiday list loaded closes on nothing extra.
 * - Zones come from `zoned-time.ts`; nothing here assumes a fixed offset, though Indonesia's three
 *   zones have had none to change for decades.
 */
import type { Holiday } from '../schemas/calendar';
import {
  DEFAULT_AFTER_HOURS_MESSAGE,
  OPENS_AT_PLACEHOLDER,
  WEEKDAY_KEYS,
  type AfterHoursAction,
  type AfterHoursAnswer,
  type OpenInterval,
  type QueueHoursSettings,
  type WeekdayKey,
  type WeeklyHours,
} from '../schemas/business-hours';
import type { Channel } from '../schemas/common';
import { dayNumberOf, isoWeekdayOf, localDateOf, type DayNumber } from './local-date';
import {
  clockTimeOfMinute,
  DEFAULT_CLOSES_AT_MINUTE,
  DEFAULT_OPENS_AT_MINUTE,
  DEFAULT_WORKING_WEEKDAYS,
  minuteOfClockTime,
} from './working-calendar';
import { fromZoned, toZoned } from './zoned-time';

const MS_PER_MINUTE = 60_000;
/**
 * How far ahead an opening or closing is looked for. A weekly schedule with any open interval
 * opens within a week unless holidays fill its open days; a year of them means bad data.
 */
export const SEARCH_HORIZON_DAYS = 400;

/** Minutes after local midnight, `start < end ≤ 1440`. */
interface MinuteInterval {
  start: number;
  end: number;
}

export interface BusinessHours {
  timeZone: string;
  isAlwaysOpen: boolean;
  /** Index 1 (Monday) … 7 (Sunday): that weekday's intervals, sorted, not overlapping. */
  readonly byIsoWeekday: readonly (readonly MinuteInterval[])[];
  /** Days closed all day (holidays and, if so configured, cuti bersama). */
  readonly closedDays: ReadonlySet<DayNumber>;
}

/**
 * Builds the hours a queue keeps from its settings and the loaded holidays (all years). Settings
 * must have passed `QueueHoursSettingsSchema` (intervals valid, not overlapping).
 */
export function createBusinessHours(
  settings: Pick<
    QueueHoursSettings,
    'timeZone' | 'isAlwaysOpen' | 'weekly' | 'isClosedOnHolidays' | 'isClosedOnCollectiveLeave'
  >,
  holidays: readonly Holiday[],
): BusinessHours {
  const byIsoWeekday: MinuteInterval[][] = [[]];
  for (const key of WEEKDAY_KEYS) {
    byIsoWeekday.push(
      settings.weekly[key]
        .map((interval) => ({
          start: minuteOfClockTime(interval.from),
          end: minuteOfClockTime(interval.to),
        }))
        .sort((a, b) => a.start - b.start),
    );
  }
  const closedDays = new Set<DayNumber>();
  for (const holiday of holidays) {
    const closes =
      holiday.kind === 'holiday' ? settings.isClosedOnHolidays : settings.isClosedOnCollectiveLeave;
    if (closes) closedDays.add(dayNumberOf(holiday.date));
  }
  return {
    timeZone: settings.timeZone,
    isAlwaysOpen: settings.isAlwaysOpen,
    byIsoWeekday,
    closedDays,
  };
}

/** The intervals in force on a local day: none on a closed day. */
function intervalsOn(hours: BusinessHours, day: DayNumber): readonly MinuteInterval[] {
  if (hours.closedDays.has(day)) return [];
  return hours.byIsoWeekday[isoWeekdayOf(day)] ?? [];
}

/** The interval open at `at`, as instants, or undefined when closed then. */
function openIntervalAt(hours: BusinessHours, at: number): { start: number; end: number } | null {
  const { day, msOfDay } = toZoned(at, hours.timeZone);
  const minute = msOfDay / MS_PER_MINUTE;
  const interval = intervalsOn(hours, day).find((i) => i.start <= minute && minute < i.end);
  if (!interval) return null;
  return {
    start: fromZoned(day, interval.start, hours.timeZone),
    end: fromZoned(day, interval.end, hours.timeZone),
  };
}

/** Whether the queue takes contacts at `at`. */
export function isOpen(hours: BusinessHours, at: number): boolean {
  return hours.isAlwaysOpen || openIntervalAt(hours, at) !== null;
}

/**
 * The first instant at or after `now` when the queue is open: `now` itself when open, else the
 * start of the next open interval; null when nothing opens within `SEARCH_HORIZON_DAYS`.
 */
export function nextOpening(hours: BusinessHours, now: number): number | null {
  if (isOpen(hours, now)) return now;
  const today = toZoned(now, hours.timeZone).day;
  for (let day = today; day <= today + SEARCH_HORIZON_DAYS; day += 1) {
    for (const interval of intervalsOn(hours, day)) {
      const start = fromZoned(day, interval.start, hours.timeZone);
      if (start > now) return start;
    }
  }
  return null;
}

/**
 * The first instant at or after `now` when the queue is closed: `now` itself when closed, else
 * the end of the open stretch (touching intervals, across midnight too, count as one); null when
 * it never closes within `SEARCH_HORIZON_DAYS` (24/7, or open all day every day).
 */
export function nextClosing(hours: BusinessHours, now: number): number | null {
  if (hours.isAlwaysOpen) return null;
  const limit = now + SEARCH_HORIZON_DAYS * 1440 * MS_PER_MINUTE;
  let at = now;
  for (let open = openIntervalAt(hours, at); open !== null; open = openIntervalAt(hours, at)) {
    at = open.end;
    if (at > limit) return null;
  }
  return at;
}

/** Open now, and until when; or closed now, and when it opens. */
export interface OpenState {
  isOpen: boolean;
  /** Closed: the next opening (null: none within the horizon). Open: null. */
  opensAt: number | null;
  /** Open: when it closes (null: 24/7 or not within the horizon). Closed: null. */
  closesAt: number | null;
}

export function openStateAt(hours: BusinessHours, now: number): OpenState {
  if (isOpen(hours, now)) return { isOpen: true, opensAt: null, closesAt: nextClosing(hours, now) };
  return { isOpen: false, opensAt: nextOpening(hours, now), closesAt: null };
}

/** When `openStateAt` next changes its `isOpen` (null: not within the horizon). */
export function nextChangeAt(state: OpenState): number | null {
  return state.isOpen ? state.closesAt : state.opensAt;
}

/** The settings of a queue nobody has configured: 24/7, with office hours ready to switch to. */
export function defaultQueueHours(timeZone: QueueHoursSettings['timeZone']): QueueHoursSettings {
  const officeDay = [
    {
      from: clockTimeOfMinute(DEFAULT_OPENS_AT_MINUTE),
      to: clockTimeOfMinute(DEFAULT_CLOSES_AT_MINUTE),
    },
  ];
  const weekly = Object.fromEntries(
    WEEKDAY_KEYS.map((key, index) => [
      key,
      DEFAULT_WORKING_WEEKDAYS.includes(index + 1) ? officeDay : [],
    ]),
  ) as WeeklyHours;
  return {
    timeZone,
    isAlwaysOpen: true,
    weekly,
    isClosedOnHolidays: true,
    isClosedOnCollectiveLeave: false,
    afterHours: { action: 'message', message: DEFAULT_AFTER_HOURS_MESSAGE },
  };
}

/** Consecutive weekdays that keep the same hours. */
export interface WeekdayRun {
  first: WeekdayKey;
  last: WeekdayKey;
  /** Sorted by start. */
  intervals: readonly OpenInterval[];
}

/**
 * The week as people write it on a door: runs of consecutive days with the same hours, Monday
 * first, closed days left out (`Mon–Fri 08:00–16:00, Sat 08:00–12:00`).
 */
export function openDayRuns(weekly: WeeklyHours): WeekdayRun[] {
  const runs: WeekdayRun[] = [];
  let previous: { key: string; run: WeekdayRun } | undefined;
  for (const day of WEEKDAY_KEYS) {
    const intervals = [...weekly[day]].sort(
      (a, b) => minuteOfClockTime(a.from) - minuteOfClockTime(b.from),
    );
    const key = intervals.map((i) => `${i.from}-${i.to}`).join(',');
    if (intervals.length === 0) {
      previous = undefined;
    } else if (previous?.key === key) {
      previous.run.last = day;
    } else {
      const run: WeekdayRun = { first: day, last: day, intervals };
      runs.push(run);
      previous = { key, run };
    }
  }
  return runs;
}

// ---- Reading an opening out ----

const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const WEEKDAY_NAMES = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

const MONTH_NAMES = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

export type HoursLanguage = keyof typeof WEEKDAY_NAMES;

/** `WIB`, `WITA`, `WIT`; other zones by name. */
export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

/** The parts of a local moment a sentence about opening needs. */
export interface LocalMomentParts {
  /** Full weekday name in the language. */
  weekday: string;
  /** `9 Maret 2026` / `9 March 2026`. */
  date: string;
  /** `08.00` in Indonesian, `08:00` in English. */
  time: string;
  /** `WIB`, `WITA`, `WIT`. */
  zone: string;
  /** Whole local days from `now`'s day to the moment's day (0: today, 1: tomorrow). */
  daysAhead: number;
}

export function localMomentParts(
  at: number,
  timeZone: string,
  language: HoursLanguage,
  now: number,
): LocalMomentParts {
  const { day, msOfDay } = toZoned(at, timeZone);
  const date = localDateOf(day);
  const clock = clockTimeOfMinute(Math.floor(msOfDay / MS_PER_MINUTE));
  return {
    weekday: WEEKDAY_NAMES[language][isoWeekdayOf(day) - 1]!,
    date: `${Number(date.slice(8, 10))} ${MONTH_NAMES[language][Number(date.slice(5, 7)) - 1]!} ${date.slice(0, 4)}`,
    time: language === 'id' ? clock.replace(':', '.') : clock,
    zone: zoneAbbreviation(timeZone),
    daysAhead: day - toZoned(now, timeZone).day,
  };
}

/**
 * An opening as a citizen reads it in Bahasa Indonesia: `Senin, 9 Maret 2026 pukul 08.00 WIB`;
 * `null` (nothing scheduled) reads `pada jam layanan berikutnya`.
 */
export function formatOpeningId(at: number | null, timeZone: string): string {
  if (at === null) return 'pada jam layanan berikutnya';
  const parts = localMomentParts(at, timeZone, 'id', at);
  return `${parts.weekday}, ${parts.date} pukul ${parts.time} ${parts.zone}`;
}

// ---- The after-hours answer ----

/**
 * What a contact arriving on `channel` while the queue is closed gets. Voicemail is a voice
 * feature: a text contact of a voicemail queue gets the message (its own text is its message).
 */
export function afterHoursAnswer(
  settings: Pick<QueueHoursSettings, 'timeZone' | 'afterHours'>,
  channel: Channel,
  opensAt: number | null,
): AfterHoursAnswer {
  const configured = settings.afterHours.action;
  const action: AfterHoursAction =
    configured === 'voicemail' && channel !== 'voice' ? 'message' : configured;
  const message = settings.afterHours.message
    .split(OPENS_AT_PLACEHOLDER)
    .join(formatOpeningId(opensAt, settings.timeZone));
  return { action, opensAt, message };
}
