import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import { useMemo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus, ContactSummary } from '../../../../shared/schemas/contact';
import { ChannelLabel } from '../../../components/channel-label';
import { Elapsed } from '../../../components/elapsed';
import { SegmentBadge } from '../../../components/segment-badge';
import { useLabels } from '../../../lib/reference-data';
import { useLiveStore } from '../../../stores/live-store';
import { CONVERSATION_DRAG_TYPE, useLeadDrag } from '../stores/lead-drag';

const STATE_COLORS: Record<ContactStatus, string> = {
  waiting: 'orange',
  offered: 'yellow',
  active: 'teal',
  closed: 'gray',
};

/** The actions stay in sight at the right edge while the wide table scrolls sideways. */
const ACTIONS_CELL = {
  position: 'sticky',
  right: 0,
  background: 'var(--mantine-color-body)',
} as const;

/**
 * Open conversations (waiting, offered, active), oldest first (only the age cells tick each
 * second, not the whole table) so rows keep their place as new
 * ones arrive at the bottom. Every row can be moved to another agent or handed to another queue:
 * by its buttons (keyboard), or dragged onto an agent row or the queue drop zone.
 */
export function ConversationsTable({
  onReassign,
  onTransfer,
}: {
  onReassign: (contact: ContactSummary) => void;
  onTransfer: (contact: ContactSummary) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const contacts = useLiveStore((state) => state.board.contacts);
  const draggedId = useLeadDrag((state) => state.dragged?.id ?? null);
  const startDrag = (event: DragEvent<HTMLTableRowElement>, contact: ContactSummary): void => {
    event.dataTransfer.setData(CONVERSATION_DRAG_TYPE, contact.id);
    event.dataTransfer.setData('text/plain', contact.reference);
    event.dataTransfer.effectAllowed = 'move';
    useLeadDrag.getState().startDrag(contact);
  };
  const open = useMemo(
    () =>
      Object.values(contacts)
        .filter((contact) => contact.status !== 'closed')
        .sort((a, b) => a.arrivedAt - b.arrivedAt || a.id.localeCompare(b.id)),
    [contacts],
  );
  return (
    <section aria-labelledby="conversations-title">
      <Text fw={650} size="sm" id="conversations-title" component="h2" m={0} mb={6}>
        {t('supervision.conversations')} ({open.length})
      </Text>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('supervision.noConversations')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            highlightOnHover
            verticalSpacing={4}
            horizontalSpacing={6}
            fz="xs"
            style={{ whiteSpace: 'nowrap' }}
            data-testid="conversations-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervision.reference')}</Table.Th>
                <Table.Th>{t('supervision.channel')}</Table.Th>
                <Table.Th>{t('supervision.topic')}</Table.Th>
                <Table.Th>{t('supervision.segment')}</Table.Th>
                <Table.Th>{t('supervision.citizen')}</Table.Th>
                <Table.Th>{t('supervision.age')}</Table.Th>
                <Table.Th>{t('supervision.state')}</Table.Th>
                <Table.Th>{t('supervision.agent')}</Table.Th>
                <Table.Th style={ACTIONS_CELL}>
                  <VisuallyHidden>{t('supervision.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((contact) => (
                <Table.Tr
                  key={contact.id}
                  data-testid={`conversation-row-${contact.reference}`}
                  draggable
                  onDragStart={(event) => startDrag(event, contact)}
                  onDragEnd={() => useLeadDrag.getState().endDrag()}
                  title={t('teamLead.move.dragLabel', { reference: contact.reference })}
                  style={{ cursor: 'grab', opacity: draggedId === contact.id ? 0.5 : 1 }}
                >
                  <Table.Td ff="monospace">
                    <Group gap={2} wrap="nowrap">
                      <IconGripVertical size={14} aria-hidden color="var(--mantine-color-gray-5)" />
                      {contact.reference}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ChannelLabel channel={contact.channel} size="xs" />
                  </Table.Td>
                  <Table.Td>{labels.topic(contact.topic)}</Table.Td>
                  <Table.Td>
                    <SegmentBadge segment={contact.segment} />
                  </Table.Td>
                  <Table.Td>{contact.citizenName}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Elapsed since={contact.arrivedAt} />
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATE_COLORS[contact.status]}>
                      {t(`contactStatus.${contact.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {contact.assignedAgentName ?? (
                      <Text span size="xs" c="dimmed">
                        {t('supervision.unassigned')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={ACTIONS_CELL}>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => onReassign(contact)}
                        aria-label={t('supervision.reassignLabel', {
                          reference: contact.reference,
                        })}
                        data-testid="reassign-button"
                      >
                        {t('supervision.reassign')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onTransfer(contact)}
                        aria-label={t('teamLead.move.transferLabel', {
                          reference: contact.reference,
                        })}
                        data-testid="transfer-button"
                      >
                        {t('teamLead.move.transfer')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
