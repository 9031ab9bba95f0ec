import { Button, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openDayRuns, zoneAbbreviation } from '../../../../shared/domain/business-hours';
import type { QueueHours } from '../../../../shared/schemas/business-hours';
import { QueueOpenState } from '../../../components/queue-open-state';
import { useQueueState } from '../../../components/use-queue-state';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { useQueuesHours } from '../api/hours-queries';
import { QueueHoursEditor } from './queue-hours-editor';

/** `Sen–Jum 08.00–16.00 · Sab 08.00–12.00 WIB`, the way a door sign writes it. */
export function scheduleText(hours: QueueHours, t: TFunction, language: string): string {
  if (hours.isAlwaysOpen) return t('hours.alwaysOpen');
  const clock = (time: string) => (language === 'en' ? time : time.replace(':', '.'));
  const runs = openDayRuns(hours.weekly).map((run) => {
    const days =
      run.first === run.last
        ? t(`hours.weekday.${run.first}`)
        : `${t(`hours.weekday.${run.first}`)}–${t(`hours.weekday.${run.last}`)}`;
    const times = run.intervals.map((i) => `${clock(i.from)}–${clock(i.to)}`).join(', ');
    return `${days} ${times}`;
  });
  return `${runs.join(' · ')} ${zoneAbbreviation(hours.timeZone)}`;
}

function holidayText(hours: QueueHours, t: TFunction): string | null {
  if (hours.isAlwaysOpen || !hours.isClosedOnHolidays) return null;
  return hours.isClosedOnCollectiveLeave
    ? t('hours.closedOnHolidaysAndLeave')
    : t('hours.closedOnHolidays');
}

/**
 * Every queue's business hours, what a closed queue answers, and whether it is open now;
 * administrators (`canEdit`) change them from here.
 */
export function QueueHoursTable({ canEdit = false }: { canEdit?: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<QueueHours | null>(null);
  const { data: reference } = useReferenceData();
  const labels = useLabels();
  const { queueState } = useQueueState();
  const queueIds = (reference?.queues ?? []).map((queue) => queue.id);
  const results = useQueuesHours(queueIds);
  return (
    <section aria-labelledby="queue-hours-title">
      <Text fw={650} size="sm" id="queue-hours-title" component="h2" m={0} mb={6}>
        {t('hours.title')}
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="queue-hours">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hours.queue')}</Table.Th>
            <Table.Th>{t('hours.schedule')}</Table.Th>
            <Table.Th>{t('hours.afterHours')}</Table.Th>
            <Table.Th>{t('hours.now')}</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueIds.map((queueId, index) => {
            const { data: hours, isError } = results[index] ?? {};
            const figures = queueState?.queues.find((q) => q.queueId === queueId);
            const holidays = hours ? holidayText(hours, t) : null;
            return (
              <Table.Tr key={queueId} data-queue={queueId}>
                <Table.Td>{labels.queue(queueId)}</Table.Td>
                <Table.Td>
                  {hours ? (
                    <>
                      <Text size="sm">{scheduleText(hours, t, i18n.language)}</Text>
                      {holidays !== null && (
                        <Text size="xs" c="dimmed">
                          {holidays}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {isError ? t('hours.loadFailed') : t('app.loading')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {hours && !hours.isAlwaysOpen
                    ? t(`hours.action.${hours.afterHours.action}`)
                    : '—'}
                </Table.Td>
                <Table.Td>
                  {figures === undefined ? (
                    '—'
                  ) : figures.isOpen ? (
                    <>
                      <Text size="sm">{t('hours.open')}</Text>
                      <QueueOpenState figures={figures} isClosingShown />
                    </>
                  ) : (
                    <QueueOpenState figures={figures} />
                  )}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={hours === undefined}
                      aria-label={t('hours.editLabel', { queue: labels.queue(queueId) })}
                      onClick={() => setEditing(hours ?? null)}
                    >
                      {t('hours.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <QueueHoursEditor
        hours={editing}
        queueName={editing === null ? '' : labels.queue(editing.queueId)}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}
