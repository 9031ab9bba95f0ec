/**
 * Test support only: the 2026 lists written out again from indonesia.md W4 and W5, kept apart
 * from the shipped seed (server/seed/calendar-2026.ts) so a typo in one is caught by the other's
 * tests, and calendars built from them.
 */
import fc from 'fast-check';
import type { Holiday } from '../schemas/calendar';
import {
  createWorkingCalendar,
  DEFAULT_CLOSES_AT_MINUTE,
  DEFAULT_OPENS_AT_MINUTE,
  DEFAULT_WORKING_WEEKDAYS,
  type CalendarSettings,
  type WorkingCalendar,
} from './working-calendar';
import { dayNumberOf, localDateOf } from './local-date';
import { parseIsoInstant } from './zoned-time';

export const HOLIDAYS_2026_FIXTURE: Holiday[] = [
  ['2026-01-01', 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-21', 'Idulfitri 1447 Hijriah'],
  ['2026-03-22', 'Idulfitri 1447 Hijriah'],
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', 'Hari Buruh Internasional'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Iduladha 1447 Hijriah'],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', 'Hari Lahir Pancasila'],
  ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'],
  ['2026-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-25', 'Kelahiran Yesus Kristus'],
].map(([date, name]) => ({ date: date!, name: name!, kind: 'holiday' as const }));

export const COLLECTIVE_LEAVE_2026_FIXTURE: Holiday[] = [
  ['2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-20', 'Cuti Bersama Idulfitri 1447 Hijriah'],
  ['2026-03-23', 'Cuti Bersama Idulfitri 1447 Hijriah'],
  ['2026-03-24', 'Cuti Bersama Idulfitri 1447 Hijriah'],
  ['2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2026-05-28', 'Cuti Bersama Iduladha 1447 Hijriah'],
  ['2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'],
].map(([date, name]) => ({ date: date!, name: name!, kind: 'collective_leave' as const }));

export const LIST_2026_FIXTURE: Holiday[] = [
  ...HOLIDAYS_2026_FIXTURE,
  ...COLLECTIVE_LEAVE_2026_FIXTURE,
];

export const WIB_OFFICE: CalendarSettings = {
  timeZone: 'Asia/Jakarta',
  workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
  opensAtMinute: DEFAULT_OPENS_AT_MINUTE,
  closesAtMinute: DEFAULT_CLOSES_AT_MINUTE,
  isClosedOnCollectiveLeave: false,
};

/** A 2026 calendar (2026 loaded, nothing else) with `overrides` on the WIB office defaults. */
export function calendar2026(
  overrides: Partial<CalendarSettings> = {},
  extra: { holidays?: Holiday[]; loadedYears?: number[] } = {},
): WorkingCalendar {
  return createWorkingCalendar(
    { ...WIB_OFFICE, ...overrides },
    [...LIST_2026_FIXTURE, ...(extra.holidays ?? [])],
    extra.loadedYears ?? [2026],
  );
}

/** An instant from ISO text with an offset; throws on a typo so tests fail loudly. */
export function at(iso: string): number {
  const parsed = parseIsoInstant(iso);
  if (parsed === undefined) throw new Error(`bad instant in test: ${iso}`);
  return parsed;
}

// ---- fast-check arbitraries ----

const zoneArb = fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');
export const dayArb = fc.integer({
  min: dayNumberOf('2025-01-01'),
  max: dayNumberOf('2028-12-31'),
});
const holidayArb: fc.Arbitrary<Holiday> = fc.record({
  date: dayArb.map(localDateOf),
  name: fc.constantFrom('Libur A', 'Libur B'),
  kind: fc.constantFrom('holiday' as const, 'collective_leave' as const),
});

/** Random calendars: any zone, weekdays, hours, holidays in 2025-2028, loaded years. */
export const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    timeZone: zoneArb,
    workingWeekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    hours: fc
      .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    isClosedOnCollectiveLeave: fc.boolean(),
    holidays: fc.array(holidayArb, { maxLength: 80 }),
    loadedYears: fc.subarray([2025, 2026, 2027, 2028]),
  })
  .map((c) =>
    createWorkingCalendar(
      {
        timeZone: c.timeZone,
        workingWeekdays: c.workingWeekdays,
        opensAtMinute: c.hours[0],
        closesAtMinute: c.hours[1],
        isClosedOnCollectiveLeave: c.isClosedOnCollectiveLeave,
      },
      c.holidays,
      c.loadedYears,
    ),
  );
