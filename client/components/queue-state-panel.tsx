import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGENT_STATUSES } from '../../shared/schemas/common';
import type { QueueFigures } from '../../shared/schemas/queue-state';
import { formatDuration } from '../lib/format';
import { useLabels } from '../lib/reference-data';
import { useServerNow } from '../stores/use-server-now';
import { QueueMetricsCompact } from './queue-metrics-compact';
import { QueueOpenState } from './queue-open-state';
import { STATUS_COLORS } from './status-badge';
import { useQueueState } from './use-queue-state';

/** Waits past these read amber, then red; the duration is always written out too. */
const WAIT_WARN_MS = 60_000;
const WAIT_ALERT_MS = 180_000;

function waitColor(waitMs: number | null): string | undefined {
  if (waitMs === null) return undefined;
  if (waitMs >= WAIT_ALERT_MS) return 'red';
  if (waitMs >= WAIT_WARN_MS) return 'orange';
  return undefined;
}

function useWaitText() {
  const { t } = useTranslation();
  const now = useServerNow();
  return (figures: QueueFigures) => {
    const waitMs = figures.oldestArrivedAt === null ? null : now - figures.oldestArrivedAt;
    return {
      waitMs,
      text: waitMs === null ? t('queue.nobodyWaiting') : formatDuration(waitMs, t),
    };
  };
}

function AgentsByStatus({ counts }: { counts: Partial<Record<string, number>> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" mb={4}>
        {t('queue.agentsByStatus')}
      </Text>
      <Group gap={6} data-testid="agents-by-status">
        {AGENT_STATUSES.map((status) => (
          <Badge
            key={status}
            color={STATUS_COLORS[status]}
            variant={status === 'offline' ? 'outline' : 'light'}
            size="sm"
          >
            {t(`status.${status}`)}: {counts[status] ?? 0}
          </Badge>
        ))}
      </Group>
    </div>
  );
}

/**
 * Live queue figures. `compact` for the agent's side pane, `wallboard` for the lead console.
 */
export function QueueStatePanel({
  variant,
  queueIds,
}: {
  variant: 'compact' | 'wallboard';
  /** Only these queues (a team's), in this order; their agents are counted elsewhere. */
  queueIds?: readonly string[];
}) {
  const { t } = useTranslation();
  const { queueState: floor, isLoading, error } = useQueueState();
  const queueState =
    floor === null || queueIds === undefined
      ? floor
      : {
          ...floor,
          queues: queueIds.flatMap((id) => floor.queues.filter((q) => q.queueId === id)),
        };
  const labels = useLabels();
  const waitText = useWaitText();

  if (queueState === null) {
    return (
      <Text size="sm" c="dimmed">
        {isLoading ? t('app.loading') : error !== null ? t('app.loadFailed') : t('queue.empty')}
      </Text>
    );
  }

  if (variant === 'wallboard') {
    return (
      <Stack gap="sm" data-testid="queue-wallboard">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          {queueState.queues.map((figures) => {
            const wait = waitText(figures);
            return (
              <Paper key={figures.queueId} withBorder p="sm" radius="sm">
                <Text size="sm" fw={600} truncate="end">
                  {labels.queue(figures.queueId)}
                </Text>
                <QueueOpenState figures={figures} isClosingShown />
                <Group gap="xs" align="baseline">
                  <Text fz={28} fw={700} lh={1.1}>
                    {figures.waiting}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('queue.waiting')}
                  </Text>
                </Group>
                <Text size="xs" c={waitColor(wait.waitMs)} fw={wait.waitMs === null ? 400 : 600}>
                  {t('queue.longestWait')}: {wait.text}
                </Text>
              </Paper>
            );
          })}
        </SimpleGrid>
        {queueIds === undefined && queueState.agentsByStatus !== undefined && (
          <AgentsByStatus counts={queueState.agentsByStatus} />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="xs" data-testid="queue-state">
      <Title order={3} size="sm">
        {t('queue.title')}
      </Title>
      <Table verticalSpacing={4} horizontalSpacing={6} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.queue')}</Table.Th>
            <Table.Th ta="right">{t('queue.waiting')}</Table.Th>
            <Table.Th ta="right">{t('queue.longestWait')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueState.queues.map((figures) => {
            const wait = waitText(figures);
            return (
              <Table.Tr key={figures.queueId}>
                <Table.Td>
                  <div>{labels.queue(figures.queueId)}</div>
                  <QueueOpenState figures={figures} />
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {figures.waiting}
                </Table.Td>
                <Table.Td ta="right" c={waitColor(wait.waitMs)}>
                  {wait.text}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <QueueMetricsCompact />
      {/* An agent's view carries no agent counts: those are for the lead's and trainer's screens. */}
      {queueState.agentsByStatus !== undefined && (
        <AgentsByStatus counts={queueState.agentsByStatus} />
      )}
    </Stack>
  );
}
