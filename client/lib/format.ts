import type { TFunction } from 'i18next';
import { localeFor } from '../i18n';

/** "3 mnt 20 dtk", "45 dtk", "1 jam 5 mnt"; negative durations count as zero. */
export function formatDuration(ms: number, t: TFunction): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return t('duration.hours', { h, m });
  if (m > 0) return t('duration.minutes', { m, s });
  return t('duration.seconds', { s });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(localeFor(language), options);
    formatters.set(key, cached);
  }
  return cached;
}

/** "12 Mar 2026 14.05" style date and time in the UI language, in the browser's time zone. */
export function formatDateTime(epochMs: number, language: string): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "14.05" style clock time. */
export function formatTime(epochMs: number, language: string): string {
  return formatter(language, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** The clock time for today, the date and time for any other day (local calendar). */
export function formatWhen(epochMs: number, language: string, now = Date.now()): string {
  const isToday = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return isToday ? formatTime(epochMs, language) : formatDateTime(epochMs, language);
}

/** Value for `<input type="datetime-local">` in local time, e.g. "2026-03-12T09:00". */
export function toDateTimeLocalValue(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Parses a `datetime-local` value as local time; null when empty or invalid. */
export function fromDateTimeLocalValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}
