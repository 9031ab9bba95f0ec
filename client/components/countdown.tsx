import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/format';
import { useServerNow } from '../stores/use-server-now';

/**
 * Time left until a server deadline, as text and a bar whose colour changes with it. The clock is
 * corrected by the server offset, so a skewed laptop clock does not shorten the countdown.
 */
export function Countdown({
  startedAt,
  expiresAt,
  testId,
}: {
  startedAt: number;
  expiresAt: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const now = useServerNow();
  const totalMs = Math.max(1, expiresAt - startedAt);
  const leftMs = Math.max(0, expiresAt - now);
  const ratio = leftMs / totalMs;
  const color = ratio > 0.5 ? 'green' : ratio > 0.25 ? 'yellow' : 'red';
  return (
    <div role="timer" aria-live="off" data-testid={testId}>
      <Group justify="space-between" gap="xs" mb={2}>
        <Text size="xs" fw={600} c={leftMs === 0 ? 'red' : undefined}>
          {leftMs === 0
            ? t('desk.expired')
            : t('desk.expiresIn', { duration: formatDuration(leftMs + 999, t) })}
        </Text>
      </Group>
      <Progress value={ratio * 100} color={color} size="sm" aria-hidden />
    </div>
  );
}
