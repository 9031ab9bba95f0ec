import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration, RequestType } from '../schemas/deadlines';
import { at, calendar2026, calendarArb } from './calendar-fixtures';
import { DEFAULT_DEADLINE_RULES } from './deadline-defaults';
import { computeDueAt, extendDeadline, previewDeadlines } from './deadlines';
import { dayNumberOf, localDateOf, yearOfDay } from './local-date';
import { isWithinOfficeHours, isWorkingDay, type WorkingCalendar } from './working-calendar';
import { formatIsoInZone, toZoned } from './zoned-time';

const wib = (local: string) => at(`${local}:00+07:00`);
const inZone = (instant: number, calendar: WorkingCalendar) =>
  formatIsoInZone(instant, calendar.timeZone);

function preview(
  type: RequestType,
  receivedAt: number,
  calendar: WorkingCalendar,
  choice: {
    serviceClass?: 'immediate' | 'one_day' | 'one_week' | 'custom';
    customWorkingDays?: number;
  } = {},
) {
  const outcome = previewDeadlines({
    rules: DEFAULT_DEADLINE_RULES[type],
    receivedAt,
    calendar,
    ...choice,
  });
  return {
    ...outcome,
    clocks: outcome.clocks.map((clock) => ({
      clock: clock.rule.clock,
      internal: inZone(clock.internal.dueAt, calendar),
      legal: clock.legal ? inZone(clock.legal.dueAt, calendar) : null,
      extended: clock.legal?.maxExtension ? inZone(clock.legal.maxExtension.dueAt, calendar) : null,
    })),
  };
}

describe('information request (10 working days, K3)', () => {
  it('given Thu 12 Mar 2026 10:00 WIB, when previewed, then Nyepi and Idulfitri are skipped, cuti bersama counts, legal due Fri 27 Mar 16:00, internal Wed 25 Mar', () => {
    const result = preview('information_request', wib('2026-03-12T10:00'), calendar2026());
    expect(result.clocks).toEqual([
      {
        clock: 'notice',
        internal: '2026-03-25T16:00:00+07:00',
        legal: '2026-03-27T16:00:00+07:00',
        // +7 working days after Fri 27 Mar, over Good Friday 3 Apr: Wed 8 Apr.
        extended: '2026-04-08T16:00:00+07:00',
      },
    ]);
    expect(result.skippedDays).toEqual([
      { date: '2026-03-14', reason: 'weekend' },
      { date: '2026-03-15', reason: 'weekend' },
      { date: '2026-03-19', reason: 'holiday', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      { date: '2026-03-21', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-03-22', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.receipt.shiftedBecause).toBeNull();
  });

  it('given the unit closes on cuti bersama, then 18, 20, 23, 24 Mar are skipped too: legal Thu 2 Apr, internal Tue 31 Mar', () => {
    const calendar = calendar2026({ isClosedOnCollectiveLeave: true });
    const result = preview('information_request', wib('2026-03-12T10:00'), calendar);
    expect(result.clocks[0]).toMatchObject({
      internal: '2026-03-31T16:00:00+07:00',
      legal: '2026-04-02T16:00:00+07:00',
    });
    expect(result.skippedDays.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2026-03-14 weekend',
      '2026-03-15 weekend',
      '2026-03-18 collective_leave',
      '2026-03-19 holiday',
      '2026-03-20 collective_leave',
      '2026-03-21 holiday',
      '2026-03-22 holiday',
      '2026-03-23 collective_leave',
      '2026-03-24 collective_leave',
      '2026-03-28 weekend',
      '2026-03-29 weekend',
    ]);
  });

  it('given Fri 6 Mar 17:30 (after hours), then it counts from Mon 9 Mar: legal Tue 24 Mar, internal Fri 20 Mar', () => {
    const result = preview('information_request', wib('2026-03-06T17:30'), calendar2026());
    expect(result.receipt).toEqual({
      day: dayNumberOf('2026-03-09'),
      at: wib('2026-03-09T07:30'),
      shiftedBecause: 'after_hours',
    });
    expect(result.clocks[0]).toMatchObject({
      internal: '2026-03-20T16:00:00+07:00',
      legal: '2026-03-24T16:00:00+07:00',
    });
    expect(result.skippedDays.map((d) => d.date)).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-14',
      '2026-03-15',
      '2026-03-19',
      '2026-03-21',
      '2026-03-22',
    ]);
  });

  it('a Saturday request and a Monday 06:00 request count like the Friday 17:30 one', () => {
    for (const local of ['2026-03-07T10:00', '2026-03-09T06:00']) {
      expect(preview('information_request', wib(local), calendar2026()).clocks[0]?.legal).toBe(
        '2026-03-24T16:00:00+07:00',
      );
    }
  });

  it('given one instant, 14:45 WIB, 15:45 WITA and 16:45 WIT: WIB and WITA count that day, WIT the next', () => {
    const instant = at('2026-03-12T07:45:00Z');
    const legal = (timeZone: string) =>
      computeDueAt({ amount: 10, unit: 'working_days' }, instant, calendar2026({ timeZone }));
    expect(legal('Asia/Jakarta').dueAt).toBe(at('2026-03-27T09:00:00Z'));
    expect(legal('Asia/Makassar').dueAt).toBe(at('2026-03-27T08:00:00Z'));
    expect(inZone(legal('Asia/Makassar').dueAt, calendar2026({ timeZone: 'Asia/Makassar' }))).toBe(
      '2026-03-27T16:00:00+08:00',
    );
    // WIT: after closing, counts from Fri 13 Mar; the 10th working day is Mon 30 Mar.
    expect(legal('Asia/Jayapura').dueAt).toBe(at('2026-03-30T07:00:00Z'));
    expect(legal('Asia/Jayapura').dueDate).toBe('2026-03-30');
  });

  it('given a Mon–Sat unit in WIT open 08:00–15:00 (W3), Saturdays count except Idulfitri', () => {
    const calendar = calendar2026({
      timeZone: 'Asia/Jayapura',
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      opensAtMinute: 8 * 60,
      closesAtMinute: 15 * 60,
    });
    const due = computeDueAt(
      { amount: 10, unit: 'working_days' },
      at('2026-03-13T14:00:00+09:00'),
      calendar,
    );
    expect(inZone(due.dueAt, calendar)).toBe('2026-03-27T15:00:00+09:00');
  });

  it('given a request near year end with no 2027 list, then 1 Jan 2027 counts and a warning names 2027', () => {
    const receivedAt = wib('2026-12-23T10:00');
    const without = preview('information_request', receivedAt, calendar2026());
    expect(without.clocks[0]?.legal).toBe('2027-01-07T16:00:00+07:00');
    expect(without.warnings).toEqual([
      expect.objectContaining({ code: 'holiday_data_missing', year: 2027 }),
    ]);
    const loaded = calendar2026(
      {},
      {
        holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'holiday' }],
        loadedYears: [2026, 2027],
      },
    );
    const withList = preview('information_request', receivedAt, loaded);
    expect(withList.clocks[0]?.legal).toBe('2027-01-08T16:00:00+07:00');
    expect(withList.warnings).toEqual([]);
  });

  it('warns when only the possible extension reaches a year with no list', () => {
    // Legal due Thu 24 Dec 2026 (cuti bersama, counted); +7 working days reaches Tue 5 Jan 2027.
    const result = preview('information_request', wib('2026-12-10T10:00'), calendar2026());
    expect(result.clocks[0]?.legal).toBe('2026-12-24T16:00:00+07:00');
    expect(result.clocks[0]?.extended).toBe('2027-01-05T16:00:00+07:00');
    expect(result.warnings).toEqual([expect.objectContaining({ year: 2027 })]);
  });
});

describe('objection (30 working days, K10)', () => {
  it('given Thu 12 Mar 10:00, then legal due Mon 27 Apr 16:00 and internal Mon 20 Apr', () => {
    expect(preview('objection', wib('2026-03-12T10:00'), calendar2026()).clocks).toEqual([
      {
        clock: 'response',
        internal: '2026-04-20T16:00:00+07:00',
        legal: '2026-04-27T16:00:00+07:00',
        extended: null,
      },
    ]);
  });
});

describe('complaint (14 and 60 calendar days, P4 and P6)', () => {
  it('given Thu 12 Mar 10:00, then acknowledgement Thu 26 Mar, resolution Mon 11 May, with a complete-file warning', () => {
    const result = preview('complaint', wib('2026-03-12T10:00'), calendar2026());
    expect(result.clocks).toEqual([
      {
        clock: 'acknowledgement',
        internal: '2026-03-24T16:00:00+07:00',
        legal: '2026-03-26T16:00:00+07:00',
        extended: null,
      },
      {
        clock: 'resolution',
        internal: '2026-05-04T16:00:00+07:00',
        legal: '2026-05-11T16:00:00+07:00',
        extended: null,
      },
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'assumes_complete_file', clock: 'resolution' }),
    ]);
  });

  it('given day 14 falls on Nyepi, then due moves back to the last working day before it', () => {
    const receivedAt = wib('2026-03-05T10:00');
    const rule: Duration = { amount: 14, unit: 'calendar_days' };
    const open = computeDueAt(rule, receivedAt, calendar2026());
    expect(inZone(open.limitAt, calendar2026())).toBe('2026-03-20T00:00:00+07:00');
    expect(inZone(open.dueAt, calendar2026())).toBe('2026-03-18T16:00:00+07:00');
    const closed = calendar2026({ isClosedOnCollectiveLeave: true });
    expect(inZone(computeDueAt(rule, receivedAt, closed).dueAt, closed)).toBe(
      '2026-03-17T16:00:00+07:00',
    );
  });
});

describe('personal-data request (72 hours, D2)', () => {
  const rule: Duration = { amount: 72, unit: 'hours' };

  it('Mon 10:00 → Thu 10:00, inside office hours: due is the limit', () => {
    const due = computeDueAt(rule, wib('2026-03-09T10:00'), calendar2026());
    expect(inZone(due.dueAt, calendar2026())).toBe('2026-03-12T10:00:00+07:00');
  });

  it('Thu 10:00 → Sun 10:00, office shut: due is Friday closing', () => {
    const result = preview('personal_data_request', wib('2026-03-12T10:00'), calendar2026());
    expect(result.clocks[0]).toMatchObject({
      legal: '2026-03-13T16:00:00+07:00',
      internal: '2026-03-13T16:00:00+07:00',
    });
  });

  it('Fri 17:30 → Mon 17:30, after closing: due Mon 16:00 (hours count from the receipt itself)', () => {
    const due = computeDueAt(rule, wib('2026-03-06T17:30'), calendar2026());
    expect(inZone(due.dueAt, calendar2026())).toBe('2026-03-09T16:00:00+07:00');
    expect(due.startsAt).toBe(wib('2026-03-06T17:30'));
  });

  it('given the office is shut for all 72 hours, then due is the limit itself, with a warning', () => {
    const closed = calendar2026({ isClosedOnCollectiveLeave: true });
    const result = previewDeadlines({
      rules: DEFAULT_DEADLINE_RULES.personal_data_request,
      receivedAt: wib('2026-03-17T17:00'),
      calendar: closed,
    });
    expect(inZone(result.clocks[0]!.legal!.dueAt, closed)).toBe('2026-03-20T17:00:00+07:00');
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'no_office_hours_before_limit', clock: 'fulfilment' }),
    ]);
  });
});

describe('inquiry and aspiration (service classes)', () => {
  it('inquiry defaults to immediate: the same working day at closing, or the next one after hours', () => {
    expect(preview('inquiry', wib('2026-03-12T10:00'), calendar2026()).clocks[0]).toEqual({
      clock: 'answer',
      internal: '2026-03-12T16:00:00+07:00',
      legal: null,
      extended: null,
    });
    expect(preview('inquiry', wib('2026-03-06T17:30'), calendar2026()).clocks[0]?.internal).toBe(
      '2026-03-09T16:00:00+07:00',
    );
  });

  it('one day, one week and custom classes', () => {
    const receivedAt = wib('2026-03-12T10:00');
    const internal = (choice: Parameters<typeof preview>[3]) =>
      preview('inquiry', receivedAt, calendar2026(), choice).clocks[0]?.internal;
    expect(internal({ serviceClass: 'one_day' })).toBe('2026-03-13T16:00:00+07:00');
    expect(internal({ serviceClass: 'one_week' })).toBe('2026-03-20T16:00:00+07:00');
    expect(internal({ serviceClass: 'custom', customWorkingDays: 3 })).toBe(
      '2026-03-17T16:00:00+07:00',
    );
    expect(
      preview('inquiry', receivedAt, calendar2026(), { serviceClass: 'one_day' }).serviceClass,
    ).toBe('one_day');
  });

  it('aspiration defaults to one working week', () => {
    const result = preview('aspiration', wib('2026-03-12T10:00'), calendar2026());
    expect(result.serviceClass).toBe('one_week');
    expect(result.clocks[0]?.internal).toBe('2026-03-20T16:00:00+07:00');
  });

  it('a service class on a type without classes is a programming error', () => {
    expect(() =>
      preview('objection', wib('2026-03-12T10:00'), calendar2026(), { serviceClass: 'one_day' }),
    ).toThrow(RangeError);
  });
});

describe('extension (K5: once, before the deadline, with a reason, up to 7 working days)', () => {
  const calendar = calendar2026();
  const rule = DEFAULT_DEADLINE_RULES.information_request.clocks[0]!;
  const base = {
    rule,
    legalDueAt: wib('2026-03-27T16:00'),
    extensionsUsed: 0,
    workingDays: 7,
    reason: 'Dokumen dipegang unit lain',
    at: wib('2026-03-25T10:00'),
    calendar,
  };

  it('given a reason before the due, then the due moves 7 working days, over Easter', () => {
    const decision = extendDeadline(base);
    expect(decision).toMatchObject({ ok: true, dueDate: '2026-04-08' });
    if (!decision.ok) return;
    expect(inZone(decision.dueAt, calendar)).toBe('2026-04-08T16:00:00+07:00');
    expect(decision.skippedDays).toEqual([
      { date: '2026-03-28', reason: 'weekend' },
      { date: '2026-03-29', reason: 'weekend' },
      { date: '2026-04-03', reason: 'holiday', name: 'Wafat Yesus Kristus' },
      { date: '2026-04-04', reason: 'weekend' },
      { date: '2026-04-05', reason: 'holiday', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    ]);
  });

  it('refuses a second extension, a late one, one without reason, too long or zero, and on a clock without extension', () => {
    const refusal = (changes: Partial<typeof base>) => {
      const decision = extendDeadline({ ...base, ...changes });
      return decision.ok ? 'ok' : decision.refusal;
    };
    expect(refusal({ extensionsUsed: 1 })).toBe('already_extended');
    expect(refusal({ at: wib('2026-03-27T16:00') })).toBe('deadline_passed');
    expect(refusal({ at: wib('2026-03-27T15:59') })).toBe('ok');
    expect(refusal({ reason: '   ' })).toBe('reason_required');
    expect(refusal({ workingDays: 8 })).toBe('bad_amount');
    expect(refusal({ workingDays: 0 })).toBe('bad_amount');
    expect(refusal({ rule: DEFAULT_DEADLINE_RULES.objection.clocks[0]! })).toBe('not_extendable');
  });
});

// ---- properties ----

const receivedArb = fc.integer({ min: Date.UTC(2025, 5, 1), max: Date.UTC(2027, 5, 1) });
const ruleArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({ amount: fc.nat({ max: 40 }), unit: fc.constant('working_days' as const) }),
  fc.record({ amount: fc.nat({ max: 90 }), unit: fc.constant('calendar_days' as const) }),
  fc.record({ amount: fc.nat({ max: 240 }), unit: fc.constant('hours' as const) }),
);
const typeArb = fc.constantFrom(...(Object.keys(DEFAULT_DEADLINE_RULES) as RequestType[]));

describe('deadline properties', () => {
  it('a due is a working day within office hours, and never before receipt (hours: unless warned, then the limit)', () => {
    fc.assert(
      fc.property(calendarArb, receivedArb, ruleArb, (calendar, receivedAt, rule) => {
        const due = computeDueAt(rule, receivedAt, calendar);
        expect(due.dueAt).toBeGreaterThanOrEqual(receivedAt);
        expect(due.dueAt).toBeLessThanOrEqual(due.limitAt);
        const isWarned = due.warnings.some((w) => w.code === 'no_office_hours_before_limit');
        if (isWarned) {
          expect(rule.unit).toBe('hours');
          expect(due.dueAt).toBe(due.limitAt);
        } else {
          expect(isWithinOfficeHours(calendar, due.dueAt)).toBe(true);
          expect(isWorkingDay(calendar, due.dueDate)).toBe(true);
        }
      }),
    );
  });

  it('n then m working days equals n + m working days', () => {
    fc.assert(
      fc.property(
        calendarArb,
        receivedArb,
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        (calendar, receivedAt, n, m) => {
          const first = computeDueAt({ amount: n, unit: 'working_days' }, receivedAt, calendar);
          const both = computeDueAt({ amount: n + m, unit: 'working_days' }, receivedAt, calendar);
          // A due is at closing; a receipt at closing counts from the next working day, so
          // continuing from one working day before the first due gives the same count.
          const restart = computeDueAt(
            { amount: m, unit: 'working_days' },
            first.dueAt - 1,
            calendar,
          );
          expect(restart.dueAt).toBe(both.dueAt);
        },
      ),
    );
  });

  it('holidays never count: no working-day due falls on a listed holiday', () => {
    fc.assert(
      fc.property(calendarArb, receivedArb, fc.nat({ max: 40 }), (calendar, receivedAt, n) => {
        const due = computeDueAt({ amount: n, unit: 'working_days' }, receivedAt, calendar);
        expect(calendar.specialDays.get(dayNumberOf(due.dueDate))?.kind).not.toBe('holiday');
        // And exactly n working days lie after the receipt day up to the due day.
        const receiptDay = toZoned(due.startsAt, calendar.timeZone).day;
        let counted = 0;
        for (let d = receiptDay + 1; d <= dayNumberOf(due.dueDate); d += 1) {
          if (isWorkingDay(calendar, localDateOf(d))) counted += 1;
        }
        expect(counted).toBe(n);
      }),
    );
  });

  it('the due is monotonic in the receipt', () => {
    fc.assert(
      fc.property(
        calendarArb,
        receivedArb,
        fc.nat({ max: 10 * 86_400_000 }),
        ruleArb,
        (calendar, first, gap, rule) => {
          const earlier = computeDueAt(rule, first, calendar);
          const later = computeDueAt(rule, first + gap, calendar);
          expect(later.dueAt).toBeGreaterThanOrEqual(earlier.dueAt);
        },
      ),
    );
  });

  it('internal targets are monotonic too, and never after the legal due', () => {
    fc.assert(
      fc.property(
        calendarArb,
        typeArb,
        receivedArb,
        fc.nat({ max: 10 * 86_400_000 }),
        (calendar, type, first, gap) => {
          const rules = DEFAULT_DEADLINE_RULES[type];
          const a = previewDeadlines({ rules, receivedAt: first, calendar });
          const b = previewDeadlines({ rules, receivedAt: first + gap, calendar });
          a.clocks.forEach((clock, index) => {
            expect(b.clocks[index]!.internal.dueAt).toBeGreaterThanOrEqual(clock.internal.dueAt);
            if (clock.legal) expect(clock.internal.dueAt).toBeLessThanOrEqual(clock.legal.dueAt);
          });
        },
      ),
    );
  });

  it('the skipped days are exactly the non-working days from the receipt day to the last day reached', () => {
    fc.assert(
      fc.property(calendarArb, receivedArb, ruleArb, (calendar, receivedAt, rule) => {
        const due = computeDueAt(rule, receivedAt, calendar);
        const from = toZoned(receivedAt, calendar.timeZone).day;
        expect(due.lastDay).toBeGreaterThanOrEqual(dayNumberOf(due.dueDate));
        const expected: string[] = [];
        for (let d = from; d <= due.lastDay; d += 1) {
          if (!isWorkingDay(calendar, localDateOf(d))) expected.push(localDateOf(d));
        }
        expect(due.skippedDays.map((day) => day.date)).toEqual(expected);
        if (rule.unit === 'working_days') {
          expect(due.lastDay).toBe(dayNumberOf(due.dueDate));
        }
      }),
    );
  });

  it('a year without a holiday list in the span always raises a warning naming it, and only then', () => {
    fc.assert(
      fc.property(calendarArb, receivedArb, ruleArb, (calendar, receivedAt, rule) => {
        const due = computeDueAt(rule, receivedAt, calendar);
        const expected: number[] = [];
        const fromYear = yearOfDay(toZoned(receivedAt, calendar.timeZone).day);
        for (let year = fromYear; year <= yearOfDay(due.lastDay); year += 1) {
          if (!calendar.loadedYears.has(year)) expected.push(year);
        }
        const warned = due.warnings
          .filter((w) => w.code === 'holiday_data_missing')
          .map((w) => w.year);
        expect(warned).toEqual(expected);
      }),
    );
  });
});
