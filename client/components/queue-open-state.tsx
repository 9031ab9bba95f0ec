import { Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localMomentParts } from '../../shared/domain/business-hours';
import type { QueueFigures } from '../../shared/schemas/queue-state';
import { isLanguage } from '../i18n';
import { useServerNow } from '../stores/use-server-now';

type OpenFigures = Pick<QueueFigures, 'isOpen' | 'opensAt' | 'closesAt' | 'timeZone'>;

/** A week ahead the weekday alone is ambiguous, so the date joins it. */
const DAYS_NAMED_BY_WEEKDAY = 7;

/**
 * "Tutup — buka lagi Senin 08.00 WIB" / "Closed — opens Monday 08:00 WIB", or for an open queue
 * with a closing time "Buka sampai 16.00 WIB"; null for a queue open around the clock. Times are
 * read in the queue's zone, whatever the browser's, with the zone named.
 */
export function openStateText(
  figures: OpenFigures,
  now: number,
  language: string,
  t: TFunction,
): string | null {
  const at = figures.isOpen ? figures.closesAt : figures.opensAt;
  if (at === null) return figures.isOpen ? null : t('queue.closed');
  const parts = localMomentParts(at, figures.timeZone, isLanguage(language) ? language : 'id', now);
  const day =
    parts.daysAhead < DAYS_NAMED_BY_WEEKDAY ? parts.weekday : `${parts.weekday}, ${parts.date}`;
  const values = { day, time: parts.time, zone: parts.zone };
  if (figures.isOpen) {
    return parts.daysAhead === 0
      ? t('queue.openUntilToday', values)
      : t('queue.openUntilOn', values);
  }
  return parts.daysAhead === 0
    ? t('queue.closedOpensToday', values)
    : t('queue.closedOpensOn', values);
}

/**
 * A queue's business-hours state in a queue list. Closed is a padlock and the words (never colour
 * alone), wrapping in a narrow pane; "open until" is quiet text, shown only where there is room
 * (`isClosingShown`).
 */
export function QueueOpenState({
  figures,
  isClosingShown = false,
}: {
  figures: OpenFigures;
  isClosingShown?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = useServerNow();
  const text = openStateText(figures, now, i18n.language, t);
  if (text === null || (figures.isOpen && !isClosingShown)) return null;
  if (figures.isOpen) {
    return (
      <Text size="xs" c="dimmed" data-testid="queue-open-state" data-open="true">
        {text}
      </Text>
    );
  }
  return (
    <Text
      size="xs"
      fw={600}
      c="gray.8"
      style={{ display: 'flex', alignItems: 'flex-start', gap: 4 }}
      data-testid="queue-open-state"
      data-open="false"
    >
      <IconLock size={12} stroke={2} aria-hidden style={{ flex: '0 0 auto', marginTop: 2 }} />
      <span>{text}</span>
    </Text>
  );
}
