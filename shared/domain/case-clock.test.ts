import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WarningLevel } from '../schemas/case';
import { at, calendar2026 } from './calendar-fixtures';
import {
  extendClock,
  levelPassed,
  levelsReached,
  nextWarningAt,
  objectionFilingWindow,
  openClocks,
  pauseClock,
  resumeClock,
  startClock,
  thresholdAt,
  type ClockState,
} from './case-clock';
import { DEFAULT_DEADLINE_RULES } from './deadline-defaults';
import { formatIsoInZone } from './zoned-time';

const calendar = calendar2026();
const wib = (local: string) => at(`${local}:00+07:00`);
const iso = (instant: number | null) =>
  instant === null ? null : formatIsoInZone(instant, 'Asia/Jakarta');

function infoNotice(receivedAt: number): ClockState {
  return openClocks(DEFAULT_DEADLINE_RULES.information_request, receivedAt, calendar)[0]!;
}

describe('opening clocks', () => {
  it('an information request gets its notice clock: 10 working days, internal 2 before', () => {
    // Thursday 5 March 2026, 10:00 WIB. Nyepi (19 March) is skipped; 18 March is cuti bersama,
    // a working day by default. Two working days before Friday 20 March is Tuesday 17.
    const clock = infoNotice(wib('2026-03-05T10:00'));
    expect(clock.status).toBe('running');
    expect(iso(clock.legalDueAt)).toBe('2026-03-20T16:00:00+07:00');
    expect(iso(clock.internalDueAt)).toBe('2026-03-17T16:00:00+07:00');
  });

  it('a complaint resolution clock waits for the complete file, then counts 60 days', () => {
    const clocks = openClocks(DEFAULT_DEADLINE_RULES.complaint, wib('2026-07-01T09:00'), calendar);
    expect(clocks.map((c) => [c.rule.clock, c.status])).toEqual([
      ['acknowledgement', 'running'],
      ['resolution', 'pending'],
    ]);
    const started = startClock(clocks[1]!, wib('2026-07-06T10:00'), calendar);
    expect(started.status).toBe('running');
    // 60 calendar days after 6 July ends on 4 September (a Friday).
    expect(iso(started.legalDueAt)).toBe('2026-09-04T16:00:00+07:00');
  });

  it('inquiries take their service class', () => {
    const [week] = openClocks(DEFAULT_DEADLINE_RULES.inquiry, wib('2026-07-01T09:00'), calendar, {
      serviceClass: 'one_week',
    });
    expect(week!.legalDueAt).toBeNull();
    expect(iso(week!.internalDueAt)).toBe('2026-07-08T16:00:00+07:00');
    const [custom] = openClocks(DEFAULT_DEADLINE_RULES.inquiry, wib('2026-07-01T09:00'), calendar, {
      serviceClass: 'custom',
      customWorkingDays: 3,
    });
    expect(iso(custom!.internalDueAt)).toBe('2026-07-06T16:00:00+07:00');
  });
});

describe('pauses (only while waiting on the citizen)', () => {
  it('a pause inside one day moves nothing; over a weekend it moves the working days covered', () => {
    const clock = infoNotice(wib('2026-07-01T09:00'));
    const paused = pauseClock(clock, wib('2026-07-02T10:00'));
    if (!paused.ok) throw new Error(paused.message);
    expect(pauseClock(paused.state, wib('2026-07-02T11:00'))).toMatchObject({ ok: false });
    const sameDay = resumeClock(paused.state, wib('2026-07-02T15:00'), calendar);
    if (!sameDay.ok) throw new Error(sameDay.message);
    expect(sameDay.state.legalDueAt).toBe(clock.legalDueAt);
    expect(sameDay.state.pausedTotalMs).toBe(5 * 3_600_000);

    // Friday 3 July to Monday 6 July: Monday is the one working day covered.
    const overWeekend = pauseClock(clock, wib('2026-07-03T10:00'));
    if (!overWeekend.ok) throw new Error('pause');
    const resumed = resumeClock(overWeekend.state, wib('2026-07-06T10:00'), calendar);
    if (!resumed.ok) throw new Error(resumed.message);
    expect(iso(clock.legalDueAt)).toBe('2026-07-15T16:00:00+07:00');
    expect(iso(resumed.state.legalDueAt)).toBe('2026-07-16T16:00:00+07:00');
    expect(iso(resumed.state.internalDueAt)).toBe('2026-07-14T16:00:00+07:00');
    expect(resumeClock(resumed.state, wib('2026-07-07T10:00'), calendar)).toMatchObject({
      ok: false,
      refusal: 'not_paused',
    });
  });

  it('a 72-hour clock moves by the hours paused', () => {
    const [clock] = openClocks(
      DEFAULT_DEADLINE_RULES.personal_data_request,
      wib('2026-07-01T09:00'),
      calendar,
    );
    const paused = pauseClock(clock!, wib('2026-07-01T10:00'));
    if (!paused.ok) throw new Error('pause');
    const resumed = resumeClock(paused.state, wib('2026-07-01T12:00'), calendar);
    if (!resumed.ok) throw new Error('resume');
    expect(resumed.state.legalDueAt! - clock!.legalDueAt!).toBe(2 * 3_600_000);
  });
});

describe('the one extension (K5)', () => {
  const clock = infoNotice(wib('2026-07-01T09:00'));
  const calendarInput = { calendar, reason: 'Dokumen di arsip daerah', workingDays: 7 };

  it('moves the legal due by up to 7 working days and the internal target with it', () => {
    const extended = extendClock(clock, { ...calendarInput, at: wib('2026-07-10T10:00') });
    if (!extended.ok) throw new Error(extended.message);
    expect(iso(extended.state.legalDueAt)).toBe('2026-07-24T16:00:00+07:00');
    expect(iso(extended.state.internalDueAt)).toBe('2026-07-22T16:00:00+07:00');
    expect(extended.state.extensionsUsed).toBe(1);
    expect(
      extendClock(extended.state, {
        ...calendarInput,
        workingDays: 1,
        at: wib('2026-07-13T10:00'),
      }),
    ).toMatchObject({ ok: false, refusal: 'already_extended' });
  });

  it('is refused after the deadline, without a reason, or beyond 7 days', () => {
    expect(extendClock(clock, { ...calendarInput, at: wib('2026-07-15T16:00') })).toMatchObject({
      refusal: 'deadline_passed',
    });
    expect(
      extendClock(clock, { ...calendarInput, reason: ' ', at: wib('2026-07-10T10:00') }),
    ).toMatchObject({ refusal: 'reason_required' });
    expect(
      extendClock(clock, { ...calendarInput, workingDays: 8, at: wib('2026-07-10T10:00') }),
    ).toMatchObject({ refusal: 'bad_amount' });
  });

  it('is not available on clocks without the rule', () => {
    const [objection] = openClocks(
      DEFAULT_DEADLINE_RULES.objection,
      wib('2026-07-01T09:00'),
      calendar,
    );
    expect(
      extendClock(objection!, { ...calendarInput, at: wib('2026-07-02T10:00') }),
    ).toMatchObject({ ok: false, refusal: 'not_extendable' });
  });
});

describe('warnings at 50, 80 and 100 %', () => {
  const clock = infoNotice(wib('2026-07-01T09:00'));

  it('thresholds lie in order between start and due, 100 % at the due', () => {
    const t50 = thresholdAt(clock, 50)!;
    const t80 = thresholdAt(clock, 80)!;
    expect(clock.startsAt! < t50 && t50 < t80 && t80 < clock.legalDueAt!).toBe(true);
    expect(thresholdAt(clock, 100)).toBe(clock.legalDueAt);
    expect(nextWarningAt(clock, 0)).toBe(t50);
    expect(nextWarningAt(clock, 80)).toBe(clock.legalDueAt);
    expect(nextWarningAt(clock, 100)).toBeNull();
  });

  it('a paused or met clock does not warn', () => {
    expect(levelsReached({ ...clock, status: 'paused' }, 0, clock.legalDueAt! + 1)).toEqual([]);
    expect(levelsReached({ ...clock, status: 'met' }, 0, clock.legalDueAt! + 1)).toEqual([]);
  });

  it('property: however often the scanner looks, each level fires once and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 * 86_400_000 }), { maxLength: 30 }),
        (offsets) => {
          let warned = 0;
          const fired: WarningLevel[] = [];
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            const now = clock.startsAt! + offset;
            const levels = levelsReached(clock, warned, now);
            fired.push(...levels);
            if (levels.length > 0) warned = levels.at(-1)!;
          }
          expect(new Set(fired).size).toBe(fired.length);
          expect([...fired].sort((a, b) => a - b)).toEqual(fired);
          const last = offsets.length === 0 ? -1 : Math.max(...offsets);
          expect(warned).toBe(last < 0 ? 0 : levelPassed(clock, clock.startsAt! + last));
        },
      ),
    );
  });
});

describe('the objection filing window (K9)', () => {
  it('is 30 working days from the grounds, holidays skipped, judged on the effective receipt', () => {
    // Grounds found on Monday 2 March 2026; Nyepi (19 March), Idulfitri (21-22 March, a weekend)
    // and Good Friday (3 April) do not count: the 30th working day is Wednesday 15 April.
    expect(objectionFilingWindow(calendar, '2026-03-02', wib('2026-04-15T15:00'))).toEqual({
      lastDay: '2026-04-15',
      isLate: false,
    });
    // After hours on the last day counts from the next working day: late.
    expect(objectionFilingWindow(calendar, '2026-03-02', wib('2026-04-15T17:00'))).toEqual({
      lastDay: '2026-04-15',
      isLate: true,
    });
  });
});
