import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDotsVertical } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { agentDropRefusal } from '../../../../shared/domain/lead-moves';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { Elapsed } from '../../../components/elapsed';
import { StatusBadge } from '../../../components/status-badge';
import { useLiveStore } from '../../../stores/live-store';
import { useLeadDrag } from '../stores/lead-drag';
import type { ForceRequest, ForcedTarget } from './force-status-modal';

/** A conversation dropped on an agent row: the lead means to move it to that agent. */
export type DropOnAgent = (contact: ContactSummary, agentId: string) => void;

const FORCED: ForcedTarget[] = ['available', 'break', 'training'];

function AgentActions({
  agentId,
  onForce,
}: {
  agentId: string;
  onForce: (request: ForceRequest) => void;
}) {
  const { t } = useTranslation();
  const agent = useLiveStore((state) => state.agents[agentId]);
  if (agent === undefined || agent.status === 'offline') return null;
  const isNotResponding = agent.presence === 'not_responding';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {isNotResponding && (
        <Button
          size="compact-xs"
          color="red"
          variant="light"
          onClick={() => onForce({ agent, status: 'available', isLift: true })}
        >
          {t('teamLead.force.lift')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('teamLead.agentActions', { name: agent.displayName })}
          >
            <IconDotsVertical size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {FORCED.filter((status) => status !== agent.presence).map((status) => (
            <Menu.Item key={status} onClick={() => onForce({ agent, status, isLift: false })}>
              {t(`teamLead.force.${status}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function AgentRow({
  agentId,
  onForce,
  onDropConversation,
}: {
  agentId: string;
  onForce?: (request: ForceRequest) => void;
  onDropConversation?: DropOnAgent;
}) {
  const { t } = useTranslation();
  const agent = useLiveStore((state) => state.agents[agentId]);
  const dragged = useLeadDrag((state) => state.dragged);
  const [isOver, setIsOver] = useState(false);
  const references = useLiveStore(
    useShallow((state) =>
      (state.agents[agentId]?.activeContactIds ?? []).map(
        (contactId) => state.board.contacts[contactId]?.reference ?? '…',
      ),
    ),
  );
  if (agent === undefined) return null;
  // While a conversation is dragged, every row says whether it takes the drop, and why not.
  const isDropping = onDropConversation !== undefined && dragged !== null;
  const refusal = isDropping ? agentDropRefusal(dragged, agent) : null;
  const dropState = !isDropping ? undefined : refusal === null ? 'allowed' : 'refused';
  const dragOver = (event: DragEvent<HTMLTableRowElement>): void => {
    if (dropState !== 'allowed') return;
    // Taking the event is what lets the browser drop here; refused rows leave it alone.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setIsOver(true);
  };
  const drop = (event: DragEvent<HTMLTableRowElement>): void => {
    setIsOver(false);
    if (dropState !== 'allowed' || dragged === null) return;
    event.preventDefault();
    useLeadDrag.getState().endDrag();
    onDropConversation?.(dragged, agent.id);
  };
  return (
    <Table.Tr
      data-testid={`agent-row-${agent.id}`}
      data-drop={dropState}
      onDragOver={dragOver}
      onDragLeave={() => setIsOver(false)}
      onDrop={drop}
      style={
        dropState === 'allowed'
          ? {
              outline: `2px ${isOver ? 'solid' : 'dashed'} var(--mantine-color-teal-6)`,
              outlineOffset: -2,
              background: isOver ? 'var(--mantine-color-teal-0)' : undefined,
            }
          : dropState === 'refused'
            ? { opacity: 0.55 }
            : undefined
      }
    >
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{agent.displayName}</Text>
          {agent.isTrainee && (
            <Badge size="xs" variant="outline" color="blue">
              {t('supervision.trainee')}
            </Badge>
          )}
          {dropState === 'allowed' && (
            <Badge size="xs" variant="light" color="teal">
              {t('teamLead.move.dropHere')}
            </Badge>
          )}
          {refusal !== null && (
            <Badge size="xs" variant="light" color="gray" data-testid="drop-refusal">
              {t(`teamLead.move.refused.${refusal}`)}
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
      {onForce && (
        <Table.Td>
          <AgentActions agentId={agentId} onForce={onForce} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/**
 * Every agent on the board, in a stable order, with live status and time in state; with
 * `onForce`, each row offers the lead's status changes (and lifting Not responding); with
 * `onDropConversation`, each row takes a dragged conversation (to reassign it there).
 */
export function AgentsTable({
  onForce,
  onDropConversation,
}: {
  onForce?: (request: ForceRequest) => void;
  onDropConversation?: DropOnAgent;
} = {}) {
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
              {onForce && <Table.Th ta="right">{t('teamLead.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agentIds.map((agentId) => (
              <AgentRow
                key={agentId}
                agentId={agentId}
                onForce={onForce}
                onDropConversation={onDropConversation}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
