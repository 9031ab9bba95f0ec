import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../lib/reference-data';
import { formatIntervalBounds, MetricValue } from './metric-value';
import { useQueueMetrics } from './use-queue-metrics';

/**
 * The agent's view of how the queues are doing this interval: service level, answer speed and
 * abandons per queue, in words and colour. Pushed live; nothing to click.
 */
export function QueueMetricsCompact() {
  const { t, i18n } = useTranslation();
  const { queueMetrics } = useQueueMetrics();
  const labels = useLabels();
  if (queueMetrics === null) return null;
  return (
    <section aria-labelledby="queue-metrics-compact-title" data-testid="queue-metrics-compact">
      <Text size="xs" c="dimmed" id="queue-metrics-compact-title" mb={2}>
        {t('metrics.title')} ·{' '}
        {t('metrics.interval', formatIntervalBounds(queueMetrics.period, i18n.language))}
      </Text>
      <Table verticalSpacing={2} horizontalSpacing={6} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('metrics.queue')}</Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.serviceLevelLong')}>{t('metrics.serviceLevel')}</abbr>
            </Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.asaLong')}>{t('metrics.asa')}</abbr>
            </Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.abandonRateLong')}>{t('metrics.abandonRate')}</abbr>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueMetrics.queues.map((queue) => (
            <Table.Tr key={queue.queueId} data-queue={queue.queueId}>
              <Table.Td>{labels.queue(queue.queueId)}</Table.Td>
              <Table.Td ta="right">
                <MetricValue kind="serviceLevel" figures={queue.interval.total} size="xs" />
              </Table.Td>
              <Table.Td ta="right">
                <MetricValue kind="asa" figures={queue.interval.total} size="xs" />
              </Table.Td>
              <Table.Td ta="right">
                <MetricValue kind="abandonRate" figures={queue.interval.total} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
