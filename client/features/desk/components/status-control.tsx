import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AgentView } from '../../../../shared/schemas/agent';
import type { SelectableAgentStatus } from '../../../../shared/schemas/common';
import { Elapsed } from '../../../components/elapsed';
import { StatusBadge } from '../../../components/status-badge';
import { errorText } from '../../../lib/error-text';
import { formatDuration } from '../../../lib/format';
import { useServerNow } from '../../../stores/use-server-now';
import { useSetStatus } from '../api/desk-commands';

const CHOICES: { status: SelectableAgentStatus; color: string }[] = [
  { status: 'available', color: 'green' },
  { status: 'break', color: 'orange' },
  { status: 'training', color: 'violet' },
];

/** Time left in a status that ends by itself (after-contact work); "Siap" ends it early. */
function TimeLeft({ until }: { until: number }) {
  const { t } = useTranslation();
  const now = useServerNow();
  return (
    <>{t('status.timeLeft', { duration: formatDuration(Math.max(0, until - now) + 999, t) })}</>
  );
}

/**
 * The agent's own status, always in the top bar: the two they can choose, and the current one
 * (including what the server derived: on contact, not responding, offline) with time in state.
 */
export function StatusControl({ agent }: { agent: AgentView | undefined }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const choose = (status: SelectableAgentStatus): void => {
    setStatus.mutate(status, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('status.control'),
          message: t('status.setFailed', { message: errorText(error, t) }),
        }),
    });
  };
  return (
    <Group gap="sm" wrap="nowrap">
      <Group gap={6} wrap="nowrap" role="group" aria-label={t('status.control')}>
        {CHOICES.map(({ status, color }) => {
          const isCurrent = agent?.presence === status;
          return (
            <Button
              key={status}
              size="xs"
              color={color}
              variant={isCurrent ? 'filled' : 'default'}
              aria-pressed={isCurrent}
              loading={setStatus.isPending && setStatus.variables === status}
              onClick={() => choose(status)}
              data-testid={`status-${status}`}
            >
              {t(`status.${status}`)}
            </Button>
          );
        })}
      </Group>
      {agent !== undefined && (
        <Group
          gap={6}
          wrap="nowrap"
          data-testid="current-status"
          data-status={agent.status}
          aria-label={t('status.control')}
        >
          <StatusBadge status={agent.status} size="md" />
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {agent.statusUntil !== null ? (
              <TimeLeft until={agent.statusUntil} />
            ) : (
              <Elapsed since={agent.statusSince} />
            )}
          </Text>
        </Group>
      )}
    </Group>
  );
}
