import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QueueHoursSettingsSchema,
  WEEKDAY_KEYS,
  type QueueHoursSettings,
  type WeeklyHours,
} from '../schemas/business-hours';
import type { TimeZone } from '../schemas/calendar';
import {
  afterHoursAnswer,
  createBusinessHours,
  defaultQueueHours,
  formatOpeningId,
  isOpen,
  localMomentParts,
  nextChangeAt,
  nextClosing,
  nextOpening,
  openDayRuns,
  openStateAt,
  zoneAbbreviation,
  type BusinessHours,
} from './business-hours';
import { at, LIST_2026_FIXTURE } from './calendar-fixtures';
import { clockTimeOfMinute } from './working-calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CLOSED_WEEK: WeeklyHours = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

const MON_TO_FRI_FOR_RUNS: WeeklyHours = {
  ...CLOSED_WEEK,
  mon: [{ from: '08:00', to: '16:00' }],
  tue: [{ from: '08:00', to: '16:00' }],
  wed: [{ from: '08:00', to: '16:00' }],
  thu: [{ from: '08:00', to: '16:00' }],
  fri: [{ from: '08:00', to: '16:00' }],
};

/** Monday to Friday 08:00–16:00 WIB, callback after hours: a realistic office-hours queue. */
function officeSettings(overrides: Partial<QueueHoursSettings> = {}): QueueHoursSettings {
  const day = [{ from: '08:00', to: '16:00' }];
  return {
    ...defaultQueueHours('Asia/Jakarta'),
    isAlwaysOpen: false,
    weekly: { ...CLOSED_WEEK, mon: day, tue: day, wed: day, thu: day, fri: day },
    isClosedOnHolidays: true,
    afterHours: { action: 'callback', message: 'Tutup. Buka lagi {opensAt}.' },
    ...overrides,
  };
}

function office(overrides: Partial<QueueHoursSettings> = {}): BusinessHours {
  return createBusinessHours(officeSettings(overrides), LIST_2026_FIXTURE);
}

describe('business hours on the 2026 calendar', () => {
  it('given Mon–Fri 08:00–16:00 WIB, when a contact comes on Thursday 12 March, then it is open from 08:00 until just before 16:00', () => {
    const hours = office();
    expect(isOpen(hours, at('2026-03-12T07:59:59+07:00'))).toBe(false);
    expect(isOpen(hours, at('2026-03-12T08:00:00+07:00'))).toBe(true);
    expect(isOpen(hours, at('2026-03-12T15:59:59.999+07:00'))).toBe(true);
    expect(isOpen(hours, at('2026-03-12T16:00:00+07:00'))).toBe(false);
  });

  it('given it is Friday evening, then the next opening is Monday 08:00 WIB', () => {
    const hours = office();
    const friday = at('2026-03-13T18:30:00+07:00');
    expect(nextOpening(hours, friday)).toBe(at('2026-03-16T08:00:00+07:00'));
    expect(openStateAt(hours, friday)).toEqual({
      isOpen: false,
      opensAt: at('2026-03-16T08:00:00+07:00'),
      closesAt: null,
    });
  });

  it('given it is open, then nextOpening is now and the state says when it closes', () => {
    const hours = office();
    const now = at('2026-03-12T10:15:00+07:00');
    expect(nextOpening(hours, now)).toBe(now);
    expect(nextClosing(hours, now)).toBe(at('2026-03-12T16:00:00+07:00'));
    const state = openStateAt(hours, now);
    expect(state).toEqual({
      isOpen: true,
      opensAt: null,
      closesAt: at('2026-03-12T16:00:00+07:00'),
    });
    expect(nextChangeAt(state)).toBe(at('2026-03-12T16:00:00+07:00'));
  });

  it('given the queue closes on holidays, then Nyepi (Thu 19 Mar) and Idulfitri are closed, and the Tuesday before Nyepi evening reopens on Wednesday', () => {
    const hours = office();
    expect(isOpen(hours, at('2026-03-19T10:00:00+07:00'))).toBe(false);
    // 19 Mar Nyepi, 20 Mar cuti bersama (open: collective leave does not close by default),
    expect(nextOpening(hours, at('2026-03-18T17:00:00+07:00'))).toBe(
      at('2026-03-20T08:00:00+07:00'),
    );
  });

  it('given it also closes on cuti bersama, then from Wednesday 18 March evening it next opens on Wednesday 25 March', () => {
    const hours = office({ isClosedOnCollectiveLeave: true });
    // 19 Nyepi, 20 cuti, 21–22 Idulfitri (weekend), 23–24 cuti bersama.
    expect(nextOpening(hours, at('2026-03-18T17:00:00+07:00'))).toBe(
      at('2026-03-25T08:00:00+07:00'),
    );
  });

  it('given holidays do not close it, then Nyepi is an ordinary Thursday', () => {
    const hours = office({ isClosedOnHolidays: false });
    expect(isOpen(hours, at('2026-03-19T10:00:00+07:00'))).toBe(true);
  });

  it('given 24/7, then it is open on a Sunday night and on a holiday, and never closes', () => {
    const hours = office({ isAlwaysOpen: true });
    for (const instant of [at('2026-03-15T03:00:00+07:00'), at('2026-08-17T10:00:00+07:00')]) {
      expect(isOpen(hours, instant)).toBe(true);
      expect(nextClosing(hours, instant)).toBeNull();
      expect(openStateAt(hours, instant)).toEqual({ isOpen: true, opensAt: null, closesAt: null });
    }
  });

  it('given the same wall-clock hours in WITA and WIT, then they open one and two hours earlier in UTC', () => {
    const friday = at('2026-03-13T18:30:00+07:00');
    expect(nextOpening(office({ timeZone: 'Asia/Makassar' }), friday)).toBe(
      at('2026-03-16T08:00:00+08:00'),
    );
    expect(nextOpening(office({ timeZone: 'Asia/Jayapura' }), friday)).toBe(
      at('2026-03-16T08:00:00+09:00'),
    );
  });

  it('given a split day and a night shift across midnight, then the stretch 22:00–06:00 is one opening and closes at 06:00', () => {
    const hours = office({
      weekly: {
        ...CLOSED_WEEK,
        mon: [
          { from: '13:00', to: '16:00' },
          { from: '08:00', to: '12:00' },
          { from: '22:00', to: '24:00' },
        ],
        tue: [{ from: '00:00', to: '06:00' }],
      },
    });
    const monday = '2026-03-16';
    expect(isOpen(hours, at(`${monday}T12:30:00+07:00`))).toBe(false);
    expect(nextOpening(hours, at(`${monday}T12:30:00+07:00`))).toBe(at(`${monday}T13:00:00+07:00`));
    expect(nextClosing(hours, at(`${monday}T23:00:00+07:00`))).toBe(
      at('2026-03-17T06:00:00+07:00'),
    );
    expect(isOpen(hours, at('2026-03-17T00:00:00+07:00'))).toBe(true);
  });

  it('given touching intervals 08:00–12:00 and 12:00–16:00, then it stays open through noon', () => {
    const hours = office({
      weekly: {
        ...CLOSED_WEEK,
        wed: [
          { from: '08:00', to: '12:00' },
          { from: '12:00', to: '16:00' },
        ],
      },
    });
    expect(isOpen(hours, at('2026-03-11T12:00:00+07:00'))).toBe(true);
    expect(nextClosing(hours, at('2026-03-11T09:00:00+07:00'))).toBe(
      at('2026-03-11T16:00:00+07:00'),
    );
  });

  it('given open all day every day (but not 24/7 and no holiday closes it), then it never closes within the horizon', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const weekly = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, allDay])) as WeeklyHours;
    const hours = office({ weekly, isClosedOnHolidays: false });
    expect(nextClosing(hours, at('2026-03-11T09:00:00+07:00'))).toBeNull();
  });

  it('given only Sundays open and every Sunday a holiday, then no opening is found', () => {
    const sundays = Array.from({ length: 50 }, (_, week) => ({
      date: new Date(Date.UTC(2026, 0, 4) + week * 7 * DAY).toISOString().slice(0, 10),
      name: 'Libur',
      kind: 'holiday' as const,
    }));
    const hours = createBusinessHours(
      officeSettings({ weekly: { ...CLOSED_WEEK, sun: [{ from: '08:00', to: '12:00' }] } }),
      sundays,
    );
    // The holidays run out after 50 weeks: the next Sunday opens.
    expect(nextOpening(hours, at('2026-01-05T09:00:00+07:00'))).toBe(
      at('2026-12-20T08:00:00+07:00'),
    );
    const endless = createBusinessHours(
      officeSettings({ weekly: { ...CLOSED_WEEK, sun: [{ from: '08:00', to: '12:00' }] } }),
      Array.from({ length: 70 }, (_, week) => ({
        date: new Date(Date.UTC(2026, 0, 4) + week * 7 * DAY).toISOString().slice(0, 10),
        name: 'Libur',
        kind: 'holiday' as const,
      })),
    );
    expect(nextOpening(endless, at('2026-01-05T09:00:00+07:00'))).toBeNull();
  });
});

describe('the after-hours answer', () => {
  it('fills {opensAt} in Bahasa Indonesia in the queue zone', () => {
    const opensAt = at('2026-03-16T08:00:00+07:00');
    expect(afterHoursAnswer(officeSettings(), 'whatsapp', opensAt)).toEqual({
      action: 'callback',
      opensAt,
      message: 'Tutup. Buka lagi Senin, 16 Maret 2026 pukul 08.00 WIB.',
    });
    expect(formatOpeningId(opensAt, 'Asia/Jayapura')).toBe('Senin, 16 Maret 2026 pukul 10.00 WIT');
    expect(formatOpeningId(null, 'Asia/Jakarta')).toBe('pada jam layanan berikutnya');
  });

  it('gives voicemail to voice only: a text contact of a voicemail queue gets the message', () => {
    const settings = officeSettings({
      afterHours: { action: 'voicemail', message: 'Silakan tinggalkan pesan.' },
    });
    expect(afterHoursAnswer(settings, 'voice', null).action).toBe('voicemail');
    expect(afterHoursAnswer(settings, 'sms', null).action).toBe('message');
    expect(afterHoursAnswer(settings, 'voice', null).message).toBe('Silakan tinggalkan pesan.');
  });

  it('reads a moment out in both languages, with the zone abbreviation and the days ahead', () => {
    const friday = at('2026-03-13T18:30:00+07:00');
    const monday = at('2026-03-16T08:00:00+08:00');
    expect(localMomentParts(monday, 'Asia/Makassar', 'id', friday)).toEqual({
      weekday: 'Senin',
      date: '16 Maret 2026',
      time: '08.00',
      zone: 'WITA',
      daysAhead: 3,
    });
    expect(localMomentParts(monday, 'Asia/Makassar', 'en', friday)).toMatchObject({
      weekday: 'Monday',
      date: '16 March 2026',
      time: '08:00',
    });
    expect(zoneAbbreviation('Europe/Paris')).toBe('Europe/Paris');
  });

  it('defaults a queue nobody configured to 24/7 with a message that says when it opens', () => {
    const settings = defaultQueueHours('Asia/Makassar');
    expect(QueueHoursSettingsSchema.parse(settings)).toEqual(settings);
    expect(settings.isAlwaysOpen).toBe(true);
    expect(settings.weekly.mon).toEqual([{ from: '07:30', to: '16:00' }]);
    expect(settings.weekly.sat).toEqual([]);
    expect(settings.afterHours.message).toContain('{opensAt}');
  });
});

describe('openDayRuns', () => {
  it('writes the week as a door sign: runs of days with the same hours, closed days left out', () => {
    const morning = { from: '08:00', to: '12:00' };
    expect(
      openDayRuns({
        ...MON_TO_FRI_FOR_RUNS,
        wed: [{ from: '13:00', to: '16:00' }, morning],
        sat: [morning],
      }),
    ).toEqual([
      { first: 'mon', last: 'tue', intervals: [{ from: '08:00', to: '16:00' }] },
      { first: 'wed', last: 'wed', intervals: [morning, { from: '13:00', to: '16:00' }] },
      { first: 'thu', last: 'fri', intervals: [{ from: '08:00', to: '16:00' }] },
      { first: 'sat', last: 'sat', intervals: [morning] },
    ]);
    expect(openDayRuns(CLOSED_WEEK)).toEqual([]);
  });
});

describe('the settings schema', () => {
  function issues(input: unknown): { path: string; message: string }[] {
    const parsed = QueueHoursSettingsSchema.safeParse(input);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
  }

  it('accepts office hours, 24:00 as a closing time and touching intervals', () => {
    expect(issues(officeSettings())).toEqual([]);
    expect(
      issues(
        officeSettings({
          weekly: {
            ...CLOSED_WEEK,
            fri: [
              { from: '12:00', to: '24:00' },
              { from: '00:00', to: '12:00' },
            ],
          },
        }),
      ),
    ).toEqual([]);
  });

  it('names the field of an overlap, an end before its start, a bad time and a bad zone', () => {
    expect(
      issues(
        officeSettings({
          weekly: {
            ...CLOSED_WEEK,
            mon: [
              { from: '08:00', to: '12:00' },
              { from: '11:00', to: '13:00' },
            ],
            tue: [{ from: '16:00', to: '08:00' }],
            wed: [{ from: '8:00', to: '24:30' }],
          },
        }),
      ),
    ).toEqual([
      { path: 'weekly.mon.1.from', message: 'overlaps 08:00–12:00' },
      {
        path: 'weekly.tue.0.to',
        message: 'must be after from (an interval cannot end before it starts or cross midnight)',
      },
      { path: 'weekly.wed.0.from', message: 'must be HH:MM (24 h)' },
      { path: 'weekly.wed.0.to', message: 'must be HH:MM (24 h), or 24:00 for midnight' },
    ]);
    expect(issues({ ...officeSettings(), timeZone: 'Asia/Singapore' })[0]?.path).toBe('timeZone');
  });

  it('reports an overlap once, on the later interval, whatever the order given', () => {
    const found = issues(
      officeSettings({
        weekly: {
          ...CLOSED_WEEK,
          thu: [
            { from: '10:00', to: '14:00' },
            { from: '08:00', to: '11:00' },
            { from: '08:00', to: '09:00' },
          ],
        },
      }),
    );
    expect(found).toEqual([
      { path: 'weekly.thu.0.from', message: 'overlaps 08:00–11:00' },
      { path: 'weekly.thu.2.from', message: 'overlaps 08:00–11:00' },
    ]);
  });

  it('refuses a week with no opening unless the queue is 24/7, and an empty message', () => {
    expect(issues(officeSettings({ weekly: CLOSED_WEEK }))).toEqual([
      { path: 'weekly', message: 'open at least one interval a week, or set isAlwaysOpen' },
    ]);
    expect(issues(officeSettings({ weekly: CLOSED_WEEK, isAlwaysOpen: true }))).toEqual([]);
    expect(
      issues(officeSettings({ afterHours: { action: 'callback', message: '   ' } }))[0],
    ).toEqual({ path: 'afterHours.message', message: 'message is required' });
  });
});

// ---- properties ----

const zoneArb = fc.constantFrom<TimeZone>('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');

/** A day's valid intervals: sorted cut points paired up, so they never overlap. */
const dayArb = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const intervals: { from: string; to: string }[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (start === 1440) continue;
    intervals.push({
      from: clockTimeOfMinute(start),
      to: end === 1440 ? '24:00' : clockTimeOfMinute(end),
    });
  }
  return intervals;
});

const weeklyArb: fc.Arbitrary<WeeklyHours> = fc.record({
  mon: dayArb,
  tue: dayArb,
  wed: dayArb,
  thu: dayArb,
  fri: dayArb,
  sat: dayArb,
  sun: dayArb,
});

const settingsArb: fc.Arbitrary<QueueHoursSettings> = fc.record({
  timeZone: zoneArb,
  isAlwaysOpen: fc.boolean(),
  weekly: weeklyArb,
  isClosedOnHolidays: fc.boolean(),
  isClosedOnCollectiveLeave: fc.boolean(),
  afterHours: fc.record({
    action: fc.constantFrom('message' as const, 'voicemail' as const, 'callback' as const),
    message: fc.constant('Buka lagi {opensAt}'),
  }),
});

const hoursArb = settingsArb.map((settings) => createBusinessHours(settings, LIST_2026_FIXTURE));
/** Instants through 2025–2027, minute-aligned or not. */
const instantArb = fc.integer({
  min: at('2025-06-01T00:00:00Z'),
  max: at('2027-06-01T00:00:00Z'),
});

describe('business hours properties', () => {
  it('the generated settings are valid input (the arbitraries test what the API accepts)', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const hasOpening = WEEKDAY_KEYS.some((key) => settings.weekly[key].length > 0);
        expect(QueueHoursSettingsSchema.safeParse(settings).success).toBe(
          settings.isAlwaysOpen || hasOpening,
        );
      }),
    );
  });

  it('24/7 is open at every instant and never closes', () => {
    fc.assert(
      fc.property(settingsArb, instantArb, (settings, now) => {
        const hours = createBusinessHours({ ...settings, isAlwaysOpen: true }, LIST_2026_FIXTURE);
        expect(isOpen(hours, now)).toBe(true);
        expect(nextOpening(hours, now)).toBe(now);
        expect(nextClosing(hours, now)).toBeNull();
      }),
    );
  });

  it('isOpen agrees with nextOpening: now when open; else later, open then, and closed in between', () => {
    fc.assert(
      fc.property(hoursArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (h, now, f) => {
        const opening = nextOpening(h, now);
        if (isOpen(h, now)) {
          expect(opening).toBe(now);
          return;
        }
        if (opening === null) return;
        expect(opening).toBeGreaterThan(now);
        expect(isOpen(h, opening)).toBe(true);
        expect(isOpen(h, opening - 1)).toBe(false);
        const between = now + Math.floor(f * (opening - now));
        expect(isOpen(h, Math.min(between, opening - 1))).toBe(false);
      }),
    );
  });

  it('isOpen agrees with nextClosing: now when closed; else later, closed then, and open in between', () => {
    fc.assert(
      fc.property(hoursArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (h, now, f) => {
        const closing = nextClosing(h, now);
        if (!isOpen(h, now)) {
          expect(closing).toBe(now);
          return;
        }
        if (closing === null) return;
        expect(closing).toBeGreaterThan(now);
        expect(isOpen(h, closing)).toBe(false);
        expect(isOpen(h, closing - 1)).toBe(true);
        const between = now + Math.floor(f * (closing - now));
        expect(isOpen(h, Math.min(between, closing - 1))).toBe(true);
      }),
    );
  });

  it('a schedule with an opening and no holiday closures opens within a week', () => {
    fc.assert(
      fc.property(settingsArb, instantArb, (settings, now) => {
        const hours = createBusinessHours(settings, []);
        const hasOpening = WEEKDAY_KEYS.some((key) => settings.weekly[key].length > 0);
        const opening = nextOpening(hours, now);
        if (!hasOpening && !settings.isAlwaysOpen) expect(opening).toBeNull();
        else expect(opening! - now).toBeLessThanOrEqual(7 * DAY);
      }),
    );
  });

  it('Indonesian zones keep no daylight saving: without holidays, the week repeats to the millisecond', () => {
    fc.assert(
      fc.property(settingsArb, instantArb, fc.integer({ min: -60, max: 60 }), (s, now, weeks) => {
        const hours = createBusinessHours(s, []);
        const shifted = now + weeks * 7 * DAY;
        expect(isOpen(hours, shifted)).toBe(isOpen(hours, now));
        const opening = nextOpening(hours, now);
        expect(nextOpening(hours, shifted)).toBe(
          opening === null ? null : opening + weeks * 7 * DAY,
        );
      }),
    );
  });

  it('the same wall-clock hours in WIB, WITA and WIT are the same hours an hour apart', () => {
    fc.assert(
      fc.property(settingsArb, instantArb, (settings, now) => {
        const wib = createBusinessHours({ ...settings, timeZone: 'Asia/Jakarta' }, []);
        const wita = createBusinessHours({ ...settings, timeZone: 'Asia/Makassar' }, []);
        const wit = createBusinessHours({ ...settings, timeZone: 'Asia/Jayapura' }, []);
        expect(isOpen(wita, now - HOUR)).toBe(isOpen(wib, now));
        expect(isOpen(wit, now - 2 * HOUR)).toBe(isOpen(wib, now));
      }),
    );
  });

  it('closing on holidays only ever closes: open with closures implies open without', () => {
    fc.assert(
      fc.property(settingsArb, instantArb, (settings, now) => {
        const withClosures = createBusinessHours(settings, LIST_2026_FIXTURE);
        const without = createBusinessHours(settings, []);
        if (isOpen(withClosures, now)) expect(isOpen(without, now)).toBe(true);
        const opening = nextOpening(withClosures, now);
        const earliest = nextOpening(without, now);
        if (opening !== null) expect(opening).toBeGreaterThanOrEqual(earliest!);
      }),
    );
  });
});
