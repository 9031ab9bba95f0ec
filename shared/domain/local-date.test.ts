import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  dayNumberOf,
  isoWeekdayOf,
  isValidLocalDate,
  localDateOf,
  yearOfDay,
} from './local-date';

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isValidLocalDate('2026-03-19')).toBe(true);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-3-19')).toBe(false);
    expect(isValidLocalDate('0026-03-19')).toBe(false);
    expect(() => dayNumberOf('2026-02-30')).toThrow(RangeError);
  });

  it('knows the 2026 weekdays of the Idulfitri fortnight', () => {
    // Thu 12 Mar, Thu 19 Mar (Nyepi), Sat 21 and Sun 22 (Idulfitri), Fri 3 Apr (Good Friday).
    expect(isoWeekdayOf(dayNumberOf('2026-03-12'))).toBe(4);
    expect(isoWeekdayOf(dayNumberOf('2026-03-19'))).toBe(4);
    expect(isoWeekdayOf(dayNumberOf('2026-03-21'))).toBe(6);
    expect(isoWeekdayOf(dayNumberOf('2026-03-22'))).toBe(7);
    expect(isoWeekdayOf(dayNumberOf('2026-04-03'))).toBe(5);
    expect(isoWeekdayOf(dayNumberOf('1969-12-29'))).toBe(1);
  });

  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2026-03-12', 60)).toBe('2026-05-11');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(yearOfDay(dayNumberOf('2027-01-01'))).toBe(2027);
  });

  it('round-trips day numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), (day) => {
        expect(dayNumberOf(localDateOf(day))).toBe(day);
        expect(isoWeekdayOf(day + 7)).toBe(isoWeekdayOf(day));
      }),
    );
  });
});
