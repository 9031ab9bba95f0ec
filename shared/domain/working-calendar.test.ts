import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, calendar2026, calendarArb, dayArb, LIST_2026_FIXTURE } from './calendar-fixtures';
import { dayNumberOf, localDateOf } from './local-date';
import {
  addWorkingDays,
  effectiveReceipt,
  isWorkingDay,
  lastOfficeMomentAtOrBefore,
  missingHolidayYears,
  nonWorkingDaysBetween,
  subtractWorkingDays,
} from './working-calendar';

describe('working days on the 2026 calendar', () => {
  it('given collective leave counts as working (the default), when adding 10 working days from Thu 12 Mar, then Nyepi and Idulfitri are skipped and the 10th is Fri 27 Mar', () => {
    const calendar = calendar2026();
    expect(addWorkingDays(calendar, '2026-03-12', 10)).toBe('2026-03-27');
    expect(isWorkingDay(calendar, '2026-03-18')).toBe(true); // cuti bersama, counted
    expect(isWorkingDay(calendar, '2026-03-19')).toBe(false); // Nyepi
  });

  it('given the unit closes on collective leave, then 18, 20, 23 and 24 Mar are skipped too and the 10th is Thu 2 Apr', () => {
    const calendar = calendar2026({ isClosedOnCollectiveLeave: true });
    expect(addWorkingDays(calendar, '2026-03-12', 10)).toBe('2026-04-02');
    expect(addWorkingDays(calendar, '2026-03-17', 1)).toBe('2026-03-25');
  });

  it('names why each day is skipped; a holiday on a weekend is named as the holiday', () => {
    const calendar = calendar2026({ isClosedOnCollectiveLeave: true });
    expect(
      nonWorkingDaysBetween(calendar, dayNumberOf('2026-03-18'), dayNumberOf('2026-03-24')),
    ).toEqual([
      {
        date: '2026-03-18',
        reason: 'collective_leave',
        name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
      },
      { date: '2026-03-19', reason: 'holiday', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      {
        date: '2026-03-20',
        reason: 'collective_leave',
        name: 'Cuti Bersama Idulfitri 1447 Hijriah',
      },
      { date: '2026-03-21', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-03-22', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
      {
        date: '2026-03-23',
        reason: 'collective_leave',
        name: 'Cuti Bersama Idulfitri 1447 Hijriah',
      },
      {
        date: '2026-03-24',
        reason: 'collective_leave',
        name: 'Cuti Bersama Idulfitri 1447 Hijriah',
      },
    ]);
  });

  it('given a unit working Monday to Saturday (W3), then Saturdays count unless they are holidays', () => {
    const calendar = calendar2026({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(addWorkingDays(calendar, '2026-03-13', 1)).toBe('2026-03-14');
    // Sat 21 Mar is Idulfitri: Fri 20 (cuti, counted) is followed by Mon 23.
    expect(addWorkingDays(calendar, '2026-03-20', 1)).toBe('2026-03-23');
  });

  it('subtracts working days backwards over the same holidays', () => {
    const calendar = calendar2026();
    expect(subtractWorkingDays(calendar, '2026-03-27', 2)).toBe('2026-03-25');
    expect(subtractWorkingDays(calendar, '2026-03-23', 1)).toBe('2026-03-20');
    expect(subtractWorkingDays(calendar, '2026-04-06', 1)).toBe('2026-04-02'); // over Good Friday
  });

  it('reports the years with no holiday list', () => {
    const calendar = calendar2026();
    expect(
      missingHolidayYears(calendar, dayNumberOf('2026-12-20'), dayNumberOf('2027-01-10')),
    ).toEqual([2027]);
    expect(
      missingHolidayYears(calendar, dayNumberOf('2026-01-02'), dayNumberOf('2026-12-31')),
    ).toEqual([]);
  });

  it('refuses a calendar without working weekdays or with office hours backwards', () => {
    expect(() => calendar2026({ workingWeekdays: [] })).toThrow(RangeError);
    expect(() => calendar2026({ opensAtMinute: 960, closesAtMinute: 450 })).toThrow(RangeError);
  });
});

describe('effective receipt', () => {
  const calendar = calendar2026();

  it('during office hours: as received', () => {
    const receivedAt = at('2026-03-12T10:00:00+07:00');
    expect(effectiveReceipt(calendar, receivedAt)).toEqual({
      day: dayNumberOf('2026-03-12'),
      at: receivedAt,
      shiftedBecause: null,
    });
  });

  it('after hours on a Friday (17:30): the next working day at opening', () => {
    expect(effectiveReceipt(calendar, at('2026-03-06T17:30:00+07:00'))).toEqual({
      day: dayNumberOf('2026-03-09'),
      at: at('2026-03-09T07:30:00+07:00'),
      shiftedBecause: 'after_hours',
    });
  });

  it('at closing time exactly: already after hours', () => {
    expect(effectiveReceipt(calendar, at('2026-03-12T16:00:00+07:00')).shiftedBecause).toBe(
      'after_hours',
    );
  });

  it('before opening on a working day: that day, at opening', () => {
    expect(effectiveReceipt(calendar, at('2026-03-09T06:00:00+07:00'))).toEqual({
      day: dayNumberOf('2026-03-09'),
      at: at('2026-03-09T07:30:00+07:00'),
      shiftedBecause: 'before_hours',
    });
  });

  it('on Nyepi: the next working day (Fri 20 Mar, cuti bersama counted)', () => {
    expect(effectiveReceipt(calendar, at('2026-03-19T10:00:00+07:00'))).toMatchObject({
      day: dayNumberOf('2026-03-20'),
      shiftedBecause: 'non_working_day',
    });
  });

  it('reads the hour in the unit zone: 15:45 WITA is in hours, 16:45 WIT is not', () => {
    const instant = at('2026-03-12T07:45:00Z');
    expect(
      effectiveReceipt(calendar2026({ timeZone: 'Asia/Makassar' }), instant).shiftedBecause,
    ).toBe(null);
    expect(effectiveReceipt(calendar2026({ timeZone: 'Asia/Jayapura' }), instant)).toMatchObject({
      day: dayNumberOf('2026-03-13'),
      shiftedBecause: 'after_hours',
    });
  });
});

describe('last office moment', () => {
  const calendar = calendar2026();
  it('keeps an in-hours instant, pulls an evening to closing, a Sunday to Friday closing', () => {
    expect(lastOfficeMomentAtOrBefore(calendar, at('2026-03-12T10:00:00+07:00'))).toBe(
      at('2026-03-12T10:00:00+07:00'),
    );
    expect(lastOfficeMomentAtOrBefore(calendar, at('2026-03-12T20:00:00+07:00'))).toBe(
      at('2026-03-12T16:00:00+07:00'),
    );
    expect(lastOfficeMomentAtOrBefore(calendar, at('2026-03-15T10:00:00+07:00'))).toBe(
      at('2026-03-13T16:00:00+07:00'),
    );
    expect(lastOfficeMomentAtOrBefore(calendar, at('2026-03-16T07:00:00+07:00'))).toBe(
      at('2026-03-13T16:00:00+07:00'),
    );
  });
});

// ---- properties ----

describe('working-day properties', () => {
  it('adding n then m working days equals adding n + m', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dayArb,
        fc.nat({ max: 40 }),
        fc.nat({ max: 40 }),
        (calendar, day, n, m) => {
          const date = localDateOf(day);
          expect(addWorkingDays(calendar, addWorkingDays(calendar, date, n), m)).toBe(
            addWorkingDays(calendar, date, n + m),
          );
        },
      ),
    );
  });

  it('holidays never count: the n-th working day is a working day and exactly n lie in between', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 60 }), (calendar, day, n) => {
        const result = dayNumberOf(addWorkingDays(calendar, localDateOf(day), n));
        expect(isWorkingDay(calendar, localDateOf(result))).toBe(true);
        let counted = 0;
        for (let d = day + 1; d <= result; d += 1) {
          const special = calendar.specialDays.get(d);
          const isHoliday = special?.kind === 'holiday';
          const isClosedLeave =
            special?.kind === 'collective_leave' && calendar.isClosedOnCollectiveLeave;
          if (isWorkingDay(calendar, localDateOf(d))) {
            expect(isHoliday || isClosedLeave).toBe(false);
            counted += 1;
          }
        }
        expect(counted).toBe(n);
      }),
    );
  });

  it('subtracting undoes adding on working days', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.nat({ max: 40 }), (calendar, day, n) => {
        const start = addWorkingDays(calendar, localDateOf(day), 1); // a working day
        expect(subtractWorkingDays(calendar, addWorkingDays(calendar, start, n), n)).toBe(start);
      }),
    );
  });

  it('every listed holiday is a non-working day (collective leave only when switched on)', () => {
    fc.assert(
      fc.property(calendarArb, (calendar) => {
        for (const [day, special] of calendar.specialDays) {
          const isWorking = isWorkingDay(calendar, localDateOf(day));
          if (special.kind === 'holiday' || calendar.isClosedOnCollectiveLeave) {
            expect(isWorking).toBe(false);
          }
        }
      }),
    );
  });
});

describe('shipped fixture', () => {
  it('holds 17 holidays and 8 collective-leave days in 2026', () => {
    expect(LIST_2026_FIXTURE.filter((h) => h.kind === 'holiday')).toHaveLength(17);
    expect(LIST_2026_FIXTURE.filter((h) => h.kind === 'collective_leave')).toHaveLength(8);
  });
});
