import { describe, expect, it } from 'vitest';
import {
  answeredTargetMs,
  deriveFigures,
  emptyCounts,
  metricsPeriodAt,
  rateAbandonRate,
  rateAnswerSpeed,
  rateServiceLevel,
  sumWindows,
  tallyContacts,
  windowMetrics,
  withoutSegments,
  type ContactTimes,
} from './metrics';

const M = 60_000;
const S = 1_000;
const FROM = 1_000 * M;
const TO = 1_030 * M;
const OFFICIAL = 30 * S;
const PUBLIC = 120 * S;

/** Ten contacts around the window [FROM, TO), counted by hand below. */
const CONTACTS: (ContactTimes & { note: string })[] = [
  {
    note: '1 answered in 20 s (target 30)',
    arrivedAt: 1_001 * M,
    answeredAt: 1_001 * M + 20 * S,
    abandonedAt: null,
    targetAnswerMs: OFFICIAL,
  },
  {
    note: '2 answered in 40 s (late)',
    arrivedAt: 1_002 * M,
    answeredAt: 1_002 * M + 40 * S,
    abandonedAt: null,
    targetAnswerMs: OFFICIAL,
  },
  {
    note: '3 hung up after 10 s',
    arrivedAt: 1_003 * M,
    answeredAt: null,
    abandonedAt: 1_003 * M + 10 * S,
    targetAnswerMs: OFFICIAL,
  },
  {
    note: '4 hung up after 60 s',
    arrivedAt: 1_004 * M,
    answeredAt: null,
    abandonedAt: 1_004 * M + 60 * S,
    targetAnswerMs: OFFICIAL,
  },
  {
    note: '5 arrived before, answered inside in 90 s',
    arrivedAt: 999 * M,
    answeredAt: 1_000 * M + 30 * S,
    abandonedAt: null,
    targetAnswerMs: PUBLIC,
  },
  {
    note: '6 still waiting',
    arrivedAt: 1_029 * M,
    answeredAt: null,
    abandonedAt: null,
    targetAnswerMs: PUBLIC,
  },
  {
    note: '7 answered after the window',
    arrivedAt: 1_028 * M,
    answeredAt: TO + 5 * S,
    abandonedAt: null,
    targetAnswerMs: PUBLIC,
  },
  {
    note: '8 all before the window',
    arrivedAt: 995 * M,
    answeredAt: null,
    abandonedAt: 999 * M,
    targetAnswerMs: PUBLIC,
  },
  {
    note: '9 answered exactly at the target',
    arrivedAt: 1_010 * M,
    answeredAt: 1_010 * M + 30 * S,
    abandonedAt: null,
    targetAnswerMs: OFFICIAL,
  },
  {
    note: '10 hung up exactly at the target',
    arrivedAt: 1_011 * M,
    answeredAt: null,
    abandonedAt: 1_011 * M + 30 * S,
    targetAnswerMs: OFFICIAL,
  },
];

describe('tallyContacts (hand-counted)', () => {
  it('counts each event in the window where it happened', () => {
    expect(tallyContacts(CONTACTS, FROM, TO)).toEqual({
      offered: 8, // 1 2 3 4 6 7 9 10
      answered: 4, // 1 2 5 9
      abandoned: 3, // 3 4 10
      answeredInTarget: 3, // 1 5 9 (2 was late)
      abandonedAfterTarget: 1, // 4 (3 and 10 gave up within the target)
      answerWaitMs: (20 + 40 + 90 + 30) * S,
    });
  });

  it('an open-ended window takes everything from its start', () => {
    expect(tallyContacts(CONTACTS, FROM)).toMatchObject({ offered: 8, answered: 5 });
  });

  it('an after-hours contact (answered by the closed queue) is neither offered nor abandoned', () => {
    const afterHours: ContactTimes = {
      arrivedAt: 1_005 * M,
      answeredAt: null,
      abandonedAt: null,
      targetAnswerMs: PUBLIC,
      isAfterHours: true,
    };
    expect(tallyContacts([...CONTACTS, afterHours], FROM, TO)).toEqual(
      tallyContacts(CONTACTS, FROM, TO),
    );
  });
});

describe('deriveFigures', () => {
  it('SL, ASA and abandon rate of the hand-counted window', () => {
    const figures = deriveFigures(tallyContacts(CONTACTS, FROM, TO));
    expect(figures.serviceLevel).toBe(3 / (4 + 1));
    expect(figures.averageSpeedOfAnswerMs).toBe(45_000);
    expect(figures.abandonRate).toBe(3 / 7);
  });

  it('has no figure where there is nothing to divide by', () => {
    expect(deriveFigures(emptyCounts())).toMatchObject({
      serviceLevel: null,
      averageSpeedOfAnswerMs: null,
      abandonRate: null,
    });
    // Only quick hang-ups: nothing held against the service level, but the abandons show.
    const quick = { ...emptyCounts(), offered: 2, abandoned: 2 };
    expect(deriveFigures(quick)).toMatchObject({ serviceLevel: null, abandonRate: 1 });
  });

  it('rounds ASA to whole milliseconds', () => {
    expect(
      deriveFigures({ ...emptyCounts(), answered: 3, answeredInTarget: 3, answerWaitMs: 10 })
        .averageSpeedOfAnswerMs,
    ).toBe(3);
  });
});

describe('windowMetrics and sumWindows', () => {
  it('keeps every segment and sums them into the total', () => {
    const official = tallyContacts(
      CONTACTS.filter((c) => c.targetAnswerMs === OFFICIAL),
      FROM,
      TO,
    );
    const pub = tallyContacts(
      CONTACTS.filter((c) => c.targetAnswerMs === PUBLIC),
      FROM,
      TO,
    );
    const window = windowMetrics({ official, public: pub });
    expect(Object.keys(window.bySegment).sort()).toEqual([
      'academia',
      'media',
      'observer',
      'official',
      'public',
    ]);
    expect(window.bySegment.media).toEqual(deriveFigures(emptyCounts()));
    expect(window.total).toEqual(deriveFigures(tallyContacts(CONTACTS, FROM, TO)));
    expect(window.bySegment.official.serviceLevel).toBe(2 / 4); // 1 and 9 of 1 2 9 + 4
    expect(window.bySegment.public.averageSpeedOfAnswerMs).toBe(90_000);

    const twice = sumWindows([window, window]);
    expect(twice.total.offered).toBe(16);
    expect(twice.total.serviceLevel).toBe(window.total.serviceLevel);
  });

  it("sums agents' windows (totals only) without inventing segments", () => {
    const window = windowMetrics({ public: tallyContacts(CONTACTS, FROM, TO) });
    const summed = sumWindows([withoutSegments(window), window]);
    expect(summed.bySegment).toBeUndefined();
    expect(summed.total.answered).toBe(8);
    expect(summed.total.serviceLevel).toBe(window.total.serviceLevel);
    expect(answeredTargetMs(summed, { public: PUBLIC })).toBeNull();
  });

  it('weights the ASA target by the answered contacts of each segment', () => {
    const window = windowMetrics({
      official: { ...emptyCounts(), answered: 3 },
      public: { ...emptyCounts(), answered: 1 },
    });
    expect(answeredTargetMs(window, { official: OFFICIAL, public: PUBLIC })).toBe(
      (3 * OFFICIAL + PUBLIC) / 4,
    );
    expect(answeredTargetMs(windowMetrics({}), { official: OFFICIAL })).toBeNull();
  });
});

describe('metricsPeriodAt', () => {
  it('30-minute intervals and the day in WIB (UTC+7)', () => {
    // 10:47 WIB on 12 March 2026.
    const now = Date.UTC(2026, 2, 12, 3, 47, 12);
    expect(metricsPeriodAt(now, 'Asia/Jakarta', 30)).toEqual({
      intervalStartedAt: Date.UTC(2026, 2, 12, 3, 30),
      intervalEndsAt: Date.UTC(2026, 2, 12, 4, 0),
      intervalMinutes: 30,
      dayStartedAt: Date.UTC(2026, 2, 11, 17, 0),
      timeZone: 'Asia/Jakarta',
    });
    expect(metricsPeriodAt(now, 'Asia/Jakarta', 60).intervalStartedAt).toBe(
      Date.UTC(2026, 2, 12, 3, 0),
    );
  });

  it('the last interval of the day ends at the next local midnight; WIT is UTC+9', () => {
    // 23:50 WIT on 12 March 2026.
    const now = Date.UTC(2026, 2, 12, 14, 50);
    const period = metricsPeriodAt(now, 'Asia/Jayapura', 30);
    expect(period.intervalStartedAt).toBe(Date.UTC(2026, 2, 12, 14, 30));
    expect(period.intervalEndsAt).toBe(Date.UTC(2026, 2, 12, 15, 0));
    expect(period.dayStartedAt).toBe(Date.UTC(2026, 2, 11, 15, 0));
  });

  it('an instant exactly on a boundary starts the new interval', () => {
    const boundary = Date.UTC(2026, 2, 12, 4, 0);
    expect(metricsPeriodAt(boundary, 'Asia/Jakarta', 15).intervalStartedAt).toBe(boundary);
  });
});

describe('ratings', () => {
  it('service level: good from 80 %, amber from 60 %, else red; none without data', () => {
    expect([0.8, 0.79, 0.6, 0.59, null].map(rateServiceLevel)).toEqual([
      'good',
      'warning',
      'warning',
      'alert',
      'none',
    ]);
  });

  it('abandon rate: good up to 5 %, amber up to 10 %', () => {
    expect([0, 0.05, 0.051, 0.1, 0.11, null].map(rateAbandonRate)).toEqual([
      'good',
      'good',
      'warning',
      'warning',
      'alert',
      'none',
    ]);
  });

  it('answer speed against the target: up to 1× good, up to 1.5× amber', () => {
    expect(rateAnswerSpeed(30_000, 30_000)).toBe('good');
    expect(rateAnswerSpeed(45_000, 30_000)).toBe('warning');
    expect(rateAnswerSpeed(45_001, 30_000)).toBe('alert');
    expect(rateAnswerSpeed(null, 30_000)).toBe('none');
    expect(rateAnswerSpeed(1_000, null)).toBe('none');
  });
});
