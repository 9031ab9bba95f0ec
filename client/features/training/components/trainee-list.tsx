import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Elapsed } from '../../../components/elapsed';
import { StatusBadge } from '../../../components/status-badge';
import { useLiveStore } from '../../../stores/live-store';

function TraineeRow({
  agentId,
  isSelected,
  onSelect,
}: {
  agentId: string;
  isSelected: boolean;
  onSelect: (agentId: string) => void;
}) {
  const { t } = useTranslation();
  const agent = useLiveStore((state) => state.agents[agentId]);
  if (agent === undefined) return null;
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="sm"
      bg={isSelected ? 'teal.0' : undefined}
      data-testid={`trainee-row-${agent.id}`}
      data-selected={isSelected}
      // The whole row is a pointer target; the button is the keyboard and screen-reader one.
      onClick={() => onSelect(agent.id)}
      style={{
        cursor: 'pointer',
        borderColor: isSelected ? 'var(--mantine-color-teal-6)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div>
          <Text size="sm" fw={600}>
            {agent.displayName}
          </Text>
          <Group gap={6} wrap="nowrap">
            <StatusBadge status={agent.status} />
            <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              <Elapsed since={agent.statusSince} />
            </Text>
          </Group>
        </div>
        <Button
          size="compact-sm"
          variant={isSelected ? 'filled' : 'light'}
          aria-pressed={isSelected}
          aria-label={t('training.monitorLabel', { name: agent.displayName })}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(agent.id);
          }}
          data-testid="trainee-monitor"
        >
          {t('training.monitor')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Trainees with their live status; choosing one starts monitoring. */
export function TraineeList({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (agentId: string) => void;
}) {
  const { t } = useTranslation();
  const traineeIds = useLiveStore((state) => state.training.traineeIds);
  return (
    <section aria-labelledby="trainees-title">
      <Text fw={650} size="sm" id="trainees-title" component="h2" m={0} mb={6}>
        {t('training.trainees')} ({traineeIds.length})
      </Text>
      {traineeIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noTrainees')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="trainee-list"
        >
          {traineeIds.map((agentId) => (
            <TraineeRow
              key={agentId}
              agentId={agentId}
              isSelected={agentId === selectedId}
              onSelect={onSelect}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}
