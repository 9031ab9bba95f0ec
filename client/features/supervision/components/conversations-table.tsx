import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus, ContactSummary } from '../../../../shared/schemas/contact';
import { ChannelLabel } from '../../../components/channel-label';
import { Elapsed } from '../../../components/elapsed';
import { SegmentBadge } from '../../../components/segment-badge';
import { useLabels } from '../../../lib/reference-data';
import { useLiveStore } from '../../../stores/live-store';

const STATE_COLORS: Record<ContactStatus, string> = {
  waiting: 'orange',
  offered: 'yellow',
  active: 'teal',
  closed: 'gray',
};

/**
 * Open conversations (waiting, offered, active), oldest first (only the age cells tick each
 * second, not the whole table) so rows keep their place as new
 * ones arrive at the bottom. Every row can be moved to another agent.
 */
export function ConversationsTable({
  onReassign,
}: {
  onReassign: (contact: ContactSummary) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const contacts = useLiveStore((state) => state.board.contacts);
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
                <Table.Th>
                  <VisuallyHidden>{t('supervision.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((contact) => (
                <Table.Tr key={contact.id} data-testid={`conversation-row-${contact.reference}`}>
                  <Table.Td ff="monospace">{contact.reference}</Table.Td>
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
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => onReassign(contact)}
                      aria-label={t('supervision.reassignLabel', { reference: contact.reference })}
                      data-testid="reassign-button"
                    >
                      {t('supervision.reassign')}
                    </Button>
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
