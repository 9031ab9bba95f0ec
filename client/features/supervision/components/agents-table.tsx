import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Elapsed } from '../../../components/elapsed';
import { StatusBadge } from '../../../components/status-badge';
import { useLiveStore } from '../../../stores/live-store';

function AgentRow({ agentId }: { agentId: string }) {
  const { t } = useTranslation();
  const agent = useLiveStore((state) => state.agents[agentId]);
  const references = useLiveStore(
    useShallow((state) =>
      (state.agents[agentId]?.activeContactIds ?? []).map(
        (contactId) => state.board.contacts[contactId]?.reference ?? '…',
      ),
    ),
  );
  if (agent === undefined) return null;
  return (
    <Table.Tr data-testid={`agent-row-${agent.id}`}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{agent.displayName}</Text>
          {agent.isTrainee && (
            <Badge size="xs" variant="outline" color="blue">
              {t('supervision.trainee')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <StatusBadge status={agent.status} />
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Elapsed since={agent.statusSince} />
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'normal' }}>
          {references.length === 0 ? t('common.none') : references.join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="agent-load">
          {t('supervision.load', {
            voice: `${agent.load.voice}/${agent.capacity.voice}`,
            chat: `${agent.load.chat}/${agent.capacity.chat}`,
            email: `${agent.load.email}/${agent.capacity.email}`,
          })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Every agent on the board, in a stable order, with live status and time in state. */
export function AgentsTable() {
  const { t } = useTranslation();
  const agentIds = useLiveStore((state) => state.board.agentIds);
  return (
    <section aria-labelledby="agents-title">
      <Text fw={650} size="sm" id="agents-title" component="h2" m={0} mb={6}>
        {t('supervision.agents')} ({agentIds.length})
      </Text>
      {agentIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('supervision.noAgents')}
        </Text>
      ) : (
        <Table
          striped
          highlightOnHover
          verticalSpacing={4}
          fz="sm"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="agents-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supervision.name')}</Table.Th>
              <Table.Th>{t('supervision.status')}</Table.Th>
              <Table.Th>{t('supervision.activeConversation')}</Table.Th>
              <Table.Th>{t('supervision.loadHeader')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agentIds.map((agentId) => (
              <AgentRow key={agentId} agentId={agentId} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
