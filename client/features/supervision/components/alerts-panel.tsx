import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadAlert } from '../../../../shared/schemas/team-lead';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { useAcknowledgeAlert, useLeadAlerts } from '../api/lead-queries';
import { alertDetail, alertHeadline } from '../lead-text';
import { ThresholdsModal } from './on-demand-panels';

const KIND_COLORS: Record<LeadAlert['kind'], string> = {
  queue_over_threshold: 'orange',
  agent_not_responding: 'red',
  deadline_near_breach: 'grape',
};

function AlertItem({ alert }: { alert: LeadAlert }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const isOpen = alert.clearedAt === null;
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid={`alert-${alert.kind}`}
      data-acknowledged={alert.acknowledgedAt !== null}
      style={{
        borderLeft: `4px solid var(--mantine-color-${KIND_COLORS[alert.kind]}-${isOpen ? 6 : 2})`,
        opacity: isOpen ? 1 : 0.75,
      }}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {alertHeadline(alert, t, i18n.language)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatTime(alert.raisedAt, i18n.language)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {alertDetail(alert, t, i18n.language)}
      </Text>
      <Group justify="space-between" mt={4} gap={4}>
        {isOpen ? (
          <Badge size="xs" color={KIND_COLORS[alert.kind]} variant="light">
            {t('teamLead.alerts.open')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('teamLead.alerts.cleared', { time: formatTime(alert.clearedAt!, i18n.language) })}
          </Text>
        )}
        {alert.acknowledgedAt === null ? (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconCheck size={14} aria-hidden />}
            loading={acknowledge.isPending}
            onClick={() =>
              acknowledge.mutate(alert.id, {
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    message: t('teamLead.alerts.failed', { message: errorText(error, t) }),
                  }),
              })
            }
          >
            {t('teamLead.alerts.acknowledge')}
          </Button>
        ) : (
          <Text size="xs" c="teal.8" data-testid="alert-acknowledged-by">
            ✓{' '}
            {t('teamLead.alerts.acknowledged', {
              name: alert.acknowledgedByName ?? '',
              time: formatTime(alert.acknowledgedAt, i18n.language),
            })}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/**
 * The lead's alerts, newest first: those still holding marked active, each acknowledged once by
 * whoever saw it first (shown by name). Pushed live; the list never jumps under the pointer since
 * new alerts are also announced as notifications.
 */
export function AlertsPanel() {
  const { t } = useTranslation();
  const alerts = useLeadAlerts();
  const [isEditing, setEditing] = useState(false);
  const list = alerts.data?.alerts ?? [];
  const unacknowledged = list.filter((alert) => alert.acknowledgedAt === null).length;
  return (
    <section aria-labelledby="alerts-title" data-testid="alerts-panel">
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconBell size={16} aria-hidden />
          <Text fw={650} size="sm" id="alerts-title" component="h2" m={0}>
            {t('teamLead.alerts.title')}
          </Text>
          {unacknowledged > 0 && (
            <Badge size="sm" color="orange" circle>
              {unacknowledged}
            </Badge>
          )}
        </Group>
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
          {t('teamLead.alerts.thresholds')}
        </Button>
      </Group>
      <Stack gap={6} aria-live="polite">
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('teamLead.alerts.empty')}
          </Text>
        ) : (
          list.slice(0, 20).map((alert) => <AlertItem key={alert.id} alert={alert} />)
        )}
      </Stack>
      <ThresholdsModal opened={isEditing} onClose={() => setEditing(false)} />
    </section>
  );
}
