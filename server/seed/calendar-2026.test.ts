import { describe, expect, it } from 'vitest';
import { LIST_2026_FIXTURE } from '../../shared/domain/calendar-fixtures';
import {
  HolidaySchema,
  ReplaceHolidaysBodySchema,
  UnitSchema,
} from '../../shared/schemas/calendar';
import { CALENDAR_2026 } from './calendar-2026';
import { DEFAULT_UNIT, DEMO_UNITS } from './units';

describe('shipped 2026 calendar (indonesia.md W4, W5)', () => {
  it('has 17 national holidays and 8 cuti bersama, all valid dates in 2026, one per date', () => {
    const { holidays } = CALENDAR_2026;
    expect(holidays.filter((h) => h.kind === 'holiday')).toHaveLength(17);
    expect(holidays.filter((h) => h.kind === 'collective_leave')).toHaveLength(8);
    for (const holiday of holidays) {
      expect(HolidaySchema.parse(holiday)).toEqual(holiday);
      expect(holiday.date.startsWith('2026-')).toBe(true);
    }
    expect(ReplaceHolidaysBodySchema.safeParse({ holidays }).success).toBe(true);
  });

  it('matches the list written out independently for the domain tests', () => {
    const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
    expect([...CALENDAR_2026.holidays].sort(byDate)).toEqual([...LIST_2026_FIXTURE].sort(byDate));
  });

  it('ships valid units: the WIB contact center and demo units in WITA and WIT', () => {
    for (const unit of [DEFAULT_UNIT, ...DEMO_UNITS]) expect(UnitSchema.parse(unit)).toEqual(unit);
    expect([DEFAULT_UNIT, ...DEMO_UNITS].map((u) => u.timeZone)).toEqual([
      'Asia/Jakarta',
      'Asia/Makassar',
      'Asia/Jayapura',
    ]);
  });
});
