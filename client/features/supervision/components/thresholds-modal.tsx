import { Button, Modal, NumberInput, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueAlertThreshold } from '../../../../shared/schemas/team-lead';
import { errorText } from '../../../lib/error-text';
import { useLabels } from '../../../lib/reference-data';
import { useLeadOverview, useReplaceThreshold } from '../api/lead-queries';

function minutes(ms: number | null): number | string {
  return ms === null ? '' : Math.round(ms / 60_000);
}

function ThresholdRow({ threshold }: { threshold: QueueAlertThreshold }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const replace = useReplaceThreshold();
  const [maxWaiting, setMaxWaiting] = useState<number | string>(threshold.maxWaiting ?? '');
  const [maxWait, setMaxWait] = useState<number | string>(minutes(threshold.maxWaitMs));
  const queue = labels.queue(threshold.queueId);
  return (
    <Table.Tr>
      <Table.Td>{queue}</Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={80}
          min={0}
          aria-label={`${t('teamLead.alerts.maxWaiting')} — ${queue}`}
          placeholder={t('teamLead.alerts.off')}
          value={maxWaiting}
          onChange={setMaxWaiting}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={80}
          min={1}
          aria-label={`${t('teamLead.alerts.maxWaitMinutes')} — ${queue}`}
          placeholder={t('teamLead.alerts.off')}
          value={maxWait}
          onChange={setMaxWait}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          loading={replace.isPending}
          onClick={() =>
            replace.mutate(
              {
                queueId: threshold.queueId,
                body: {
                  maxWaiting: maxWaiting === '' ? null : Number(maxWaiting),
                  maxWaitMs: maxWait === '' ? null : Number(maxWait) * 60_000,
                },
              },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: t('teamLead.alerts.saved', { queue }),
                  }),
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    message: t('teamLead.alerts.saveFailed', { message: errorText(error, t) }),
                  }),
              },
            )
          }
        >
          {t('teamLead.alerts.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Per-queue alert thresholds of the queues the viewer watches, editable in place. */
export function ThresholdsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const overview = useLeadOverview();
  return (
    <Modal opened={opened} onClose={onClose} title={t('teamLead.alerts.thresholdsTitle')} size="lg">
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('metrics.queue')}</Table.Th>
            <Table.Th>{t('teamLead.alerts.maxWaiting')}</Table.Th>
            <Table.Th>{t('teamLead.alerts.maxWaitMinutes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(overview.data?.thresholds ?? []).map((threshold) => (
            <ThresholdRow key={threshold.queueId} threshold={threshold} />
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
