import { ActionIcon, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answeredTargetMs, sumWindows } from '../../../../shared/domain/metrics';
import { SEGMENT_CODES, type SegmentCode } from '../../../../shared/schemas/common';
import type { MetricFigures, WindowMetrics } from '../../../../shared/schemas/queue-metrics';
import { formatIntervalBounds, MetricValue } from '../../../components/metric-value';
import { SegmentBadge } from '../../../components/segment-badge';
import { useQueueMetrics } from '../../../components/use-queue-metrics';
import { useLabels, useReferenceData } from '../../../lib/reference-data';

type WindowName = 'interval' | 'day';

function FigureCells({ figures, targetMs }: { figures: MetricFigures; targetMs: number | null }) {
  return (
    <>
      <Table.Td ta="right">{figures.offered}</Table.Td>
      <Table.Td ta="right">{figures.answered}</Table.Td>
      <Table.Td ta="right">{figures.abandoned}</Table.Td>
      <Table.Td ta="right">
        <MetricValue kind="serviceLevel" figures={figures} />
      </Table.Td>
      <Table.Td ta="right">
        <MetricValue kind="asa" figures={figures} targetMs={targetMs} />
      </Table.Td>
      <Table.Td ta="right">
        <MetricValue kind="abandonRate" figures={figures} />
      </Table.Td>
    </>
  );
}

function SegmentRows({
  window,
  targets,
}: {
  window: WindowMetrics;
  targets: Partial<Record<SegmentCode, number>>;
}) {
  if (window.bySegment === undefined) return null;
  return SEGMENT_CODES.map((segment) => (
    <Table.Tr key={segment} data-segment-row={segment} bg="gray.0">
      <Table.Td pl="xl">
        <SegmentBadge segment={segment} />
      </Table.Td>
      <FigureCells figures={window.bySegment![segment]} targetMs={targets[segment] ?? null} />
      <Table.Td />
    </Table.Tr>
  ));
}

/**
 * The lead's wallboard of queue performance: per queue, what came in, what was answered and what
 * was abandoned, with service level, answer speed and abandon rate in words and colour, for the
 * current interval or the day, each queue opening onto its five caller segments. Pushed live
 * (`queue:metrics-changed`); rows keep their place as figures change.
 */
export function QueueMetricsBoard({ queueIds }: { queueIds?: readonly string[] } = {}) {
  const { t, i18n } = useTranslation();
  const { queueMetrics: floor } = useQueueMetrics();
  // A team's wallboard shows the queues it serves, in their order.
  const queueMetrics =
    floor === null || queueIds === undefined
      ? floor
      : {
          ...floor,
          queues: queueIds.flatMap((id) => floor.queues.filter((q) => q.queueId === id)),
        };
  const labels = useLabels();
  const reference = useReferenceData();
  const [windowName, setWindowName] = useState<WindowName>('interval');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const targets = useMemo(
    () =>
      Object.fromEntries(
        (reference.data?.segments ?? []).map((segment) => [segment.code, segment.targetAnswerMs]),
      ) as Partial<Record<SegmentCode, number>>,
    [reference.data],
  );
  if (queueMetrics === null) return null;
  const bounds = formatIntervalBounds(queueMetrics.period, i18n.language);
  const all = sumWindows(queueMetrics.queues.map((queue) => queue[windowName]));
  const toggle = (queueId: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(queueId)) next.delete(queueId);
      else next.add(queueId);
      return next;
    });

  return (
    <section aria-labelledby="queue-metrics-title" data-testid="queue-metrics-board">
      <Group justify="space-between" mb={6}>
        <Text fw={650} size="sm" id="queue-metrics-title" component="h2" m={0}>
          {t('metrics.title')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label={t('metrics.window')}
          value={windowName}
          onChange={(value) => setWindowName(value as WindowName)}
          data={[
            { value: 'interval', label: t('metrics.interval', bounds) },
            { value: 'day', label: t('metrics.day') },
          ]}
        />
      </Group>
      <Table verticalSpacing={2} horizontalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('metrics.queue')}</Table.Th>
            <Table.Th ta="right">{t('metrics.offered')}</Table.Th>
            <Table.Th ta="right">{t('metrics.answered')}</Table.Th>
            <Table.Th ta="right">{t('metrics.abandoned')}</Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.serviceLevelLong')}>{t('metrics.serviceLevel')}</abbr>
            </Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.asaLong')}>{t('metrics.asa')}</abbr>
            </Table.Th>
            <Table.Th ta="right">
              <abbr title={t('metrics.abandonRateLong')}>{t('metrics.abandonRate')}</abbr>
            </Table.Th>
            <Table.Th>
              <Text span size="xs" c="dimmed">
                {t('metrics.segments')}
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueMetrics.queues.map((queue) => {
            const window = queue[windowName];
            const isOpen = expanded.has(queue.queueId);
            const name = labels.queue(queue.queueId);
            return (
              <Fragment key={queue.queueId}>
                <Table.Tr data-queue-row={queue.queueId}>
                  <Table.Td>{name}</Table.Td>
                  <FigureCells
                    figures={window.total}
                    targetMs={answeredTargetMs(window, targets)}
                  />
                  <Table.Td>
                    {window.bySegment !== undefined && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-expanded={isOpen}
                        aria-label={t('metrics.showSegments', { queue: name })}
                        onClick={() => toggle(queue.queueId)}
                      >
                        {isOpen ? (
                          <IconChevronDown size={16} aria-hidden />
                        ) : (
                          <IconChevronRight size={16} aria-hidden />
                        )}
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
                {isOpen && <SegmentRows window={window} targets={targets} />}
              </Fragment>
            );
          })}
          <Table.Tr data-queue-row="all" fw={650}>
            <Table.Td>{t('metrics.allQueues')}</Table.Td>
            <FigureCells figures={all.total} targetMs={answeredTargetMs(all, targets)} />
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </section>
  );
}
