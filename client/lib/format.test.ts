import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { formatDuration, formatWhen, fromDateTimeLocalValue, toDateTimeLocalValue } from './format';

const t = i18n.getFixedT('id');
const tEn = i18n.getFixedT('en');

describe('formatDuration', () => {
  it('writes waits the way agents say them', () => {
    expect(formatDuration(200_000, t)).toBe('3 mnt 20 dtk');
    expect(formatDuration(45_400, t)).toBe('45 dtk');
    expect(formatDuration(3_900_000, t)).toBe('1 jam 5 mnt');
    expect(formatDuration(200_000, tEn)).toBe('3 min 20 s');
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-5_000, t)).toBe('0 dtk');
  });
});

describe('datetime-local values', () => {
  it('round-trip in local time', () => {
    const at = new Date(2026, 10, 29, 9, 0).getTime();
    expect(toDateTimeLocalValue(at)).toBe('2026-11-29T09:00');
    expect(fromDateTimeLocalValue('2026-11-29T09:00')).toBe(at);
  });

  it('reject what is not a date and time', () => {
    expect(fromDateTimeLocalValue('')).toBeNull();
    expect(fromDateTimeLocalValue('besok pagi')).toBeNull();
  });
});

describe('formatWhen', () => {
  it('shows only the time for today, and the date otherwise', () => {
    const now = new Date(2026, 10, 28, 15, 0).getTime();
    const today = new Date(2026, 10, 28, 9, 5).getTime();
    const yesterday = new Date(2026, 10, 27, 9, 5).getTime();
    expect(formatWhen(today, 'id', now)).not.toContain('2026');
    expect(formatWhen(yesterday, 'id', now)).toContain('2026');
  });
});
