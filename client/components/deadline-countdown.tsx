import { Group, Progress, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClockStatus } from '../../shared/schemas/case';
import { localeFor } from '../i18n';
import { formatDuration } from '../lib/format';
import { useServerNow } from '../stores/use-server-now';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "3 hari 4 jam", "5 jam 10 mnt", or the short form under an hour. */
export function formatLongDuration(ms: number, t: TFunction): string {
  const abs = Math.max(0, ms);
  if (abs >= DAY_MS) {
    return t('cases.daysHours', {
      d: Math.floor(abs / DAY_MS),
      h: Math.floor((abs % DAY_MS) / HOUR_MS),
    });
  }
  if (abs >= HOUR_MS) {
    return t('cases.hoursMinutes', {
      h: Math.floor(abs / HOUR_MS),
      m: Math.floor((abs % HOUR_MS) / 60_000),
    });
  }
  return formatDuration(abs, t);
}

/** A due moment as the unit reads it: date, time and the zone's name (WIB, WITA, WIT). */
export function formatDueInZone(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/**
 * Colour from how much of the clock has gone: green, amber from 50 %, red from 80 % and past
 * the due (DESIGN §4). Always with text, never colour alone.
 */
export function deadlineColor(startsAt: number, dueAt: number, now: number): string {
  if (now >= dueAt) return 'red';
  const used = (now - startsAt) / Math.max(1, dueAt - startsAt);
  return used >= 0.8 ? 'red' : used >= 0.5 ? 'orange' : 'green';
}

/** Time left to a case deadline, with its date in the unit's zone, as text and a bar. */
export function DeadlineCountdown({
  label,
  startsAt,
  dueAt,
  timeZone,
  status,
  testId,
}: {
  label: string;
  startsAt: number;
  dueAt: number;
  timeZone: string;
  status: ClockStatus;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const now = useServerNow();
  const isLive = status === 'running' || status === 'paused';
  const leftMs = dueAt - now;
  const color = isLive ? deadlineColor(startsAt, dueAt, now) : 'gray';
  const used = Math.min(1, Math.max(0, (now - startsAt) / Math.max(1, dueAt - startsAt)));
  const remaining = isLive
    ? leftMs > 0
      ? t('cases.dueIn', { duration: formatLongDuration(leftMs, t) })
      : t('cases.overdue', { duration: formatLongDuration(-leftMs, t) })
    : t(`cases.clockStatus.${status}`);
  return (
    <div role="timer" aria-live="off" data-testid={testId} data-color={color}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" fw={600}>
          {label}
        </Text>
        <Text size="xs" fw={700} c={color === 'gray' ? 'dimmed' : `${color}.8`}>
          {remaining}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('cases.dueOn', { date: formatDueInZone(dueAt, timeZone, i18n.language) })}
      </Text>
      {isLive && <Progress value={used * 100} color={color} size="xs" aria-hidden />}
    </div>
  );
}
