import { describe, expect, it } from 'vitest';
import { formatReference, localDateKey } from './reference';

describe('formatReference', () => {
  it('pads the sequence to five digits and uses the local date', () => {
    const at = Date.UTC(2026, 10, 28, 3, 0); // 10:00 WIB
    expect(formatReference('TGP', at, 42, 'Asia/Jakarta')).toBe('TGP-20261128-00042');
  });

  it('counts the day in the contact center time zone, not UTC', () => {
    const lateUtc = Date.UTC(2026, 10, 28, 18, 30); // 01:30 WIB on the 29th
    expect(localDateKey(lateUtc, 'Asia/Jakarta')).toBe('20261129');
    expect(localDateKey(lateUtc, 'UTC')).toBe('20261128');
    expect(localDateKey(lateUtc, 'Asia/Jayapura')).toBe('20261129');
  });
});
