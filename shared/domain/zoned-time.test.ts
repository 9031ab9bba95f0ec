import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from './local-date';
import {
  formatIsoInZone,
  fromZoned,
  isKnownTimeZone,
  parseIsoInstant,
  toZoned,
  utcOffsetMs,
} from './zoned-time';

const HOUR = 3_600_000;

describe('zoned time', () => {
  it('gives WIB, WITA and WIT their offsets', () => {
    const instant = Date.UTC(2026, 2, 12, 7, 45);
    expect(utcOffsetMs(instant, 'Asia/Jakarta')).toBe(7 * HOUR);
    expect(utcOffsetMs(instant, 'Asia/Makassar')).toBe(8 * HOUR);
    expect(utcOffsetMs(instant, 'Asia/Jayapura')).toBe(9 * HOUR);
    expect(formatIsoInZone(instant, 'Asia/Jakarta')).toBe('2026-03-12T14:45:00+07:00');
    expect(formatIsoInZone(instant, 'Asia/Makassar')).toBe('2026-03-12T15:45:00+08:00');
    expect(formatIsoInZone(instant, 'Asia/Jayapura')).toBe('2026-03-12T16:45:00+09:00');
  });

  it('finds the local day, which differs from the UTC day late in the evening', () => {
    const lateUtc = Date.UTC(2026, 2, 12, 16, 30); // 23:30 WIB, 00:30 WITA on the 13th
    expect(toZoned(lateUtc, 'Asia/Jakarta').day).toBe(dayNumberOf('2026-03-12'));
    expect(toZoned(lateUtc, 'Asia/Makassar').day).toBe(dayNumberOf('2026-03-13'));
  });

  it('turns a local wall-clock time into the instant', () => {
    const day = dayNumberOf('2026-03-27');
    expect(fromZoned(day, 16 * 60, 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 27, 9));
    expect(fromZoned(day, 16 * 60, 'Asia/Jayapura')).toBe(Date.UTC(2026, 2, 27, 7));
  });

  it('parses ISO 8601 only with an offset, and only real dates', () => {
    expect(parseIsoInstant('2026-03-12T10:00:00+07:00')).toBe(Date.UTC(2026, 2, 12, 3));
    expect(parseIsoInstant('2026-03-12T10:00+07:00')).toBe(Date.UTC(2026, 2, 12, 3));
    expect(parseIsoInstant('2026-03-12T10:00:00.250+0700')).toBe(
      Date.UTC(2026, 2, 12, 3, 0, 0, 250),
    );
    expect(parseIsoInstant('2026-03-12T03:00:00Z')).toBe(Date.UTC(2026, 2, 12, 3));
    expect(parseIsoInstant('2026-03-12T10:00:00')).toBeUndefined();
    expect(parseIsoInstant('2026-03-12')).toBeUndefined();
    expect(parseIsoInstant('2026-02-30T10:00:00+07:00')).toBeUndefined();
    expect(parseIsoInstant('2026-03-12T24:00:00+07:00')).toBeUndefined();
    expect(parseIsoInstant('garbage')).toBeUndefined();
    expect(parseIsoInstant('')).toBeUndefined();
  });

  it('knows real zones', () => {
    expect(isKnownTimeZone('Asia/Makassar')).toBe(true);
    expect(isKnownTimeZone('Asia/Nowhere')).toBe(false);
  });

  it('round-trips wall-clock times and formatted instants (property)', () => {
    const zone = fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');
    fc.assert(
      fc.property(
        zone,
        fc.integer({ min: dayNumberOf('2024-01-01'), max: dayNumberOf('2030-12-31') }),
        fc.integer({ min: 0, max: 1439 }),
        (timeZone, day, minute) => {
          const instant = fromZoned(day, minute, timeZone);
          expect(toZoned(instant, timeZone)).toEqual({ day, msOfDay: minute * 60_000 });
          expect(parseIsoInstant(formatIsoInZone(instant, timeZone))).toBe(instant);
        },
      ),
    );
  });
});
