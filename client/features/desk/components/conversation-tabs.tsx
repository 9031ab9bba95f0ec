import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../shared/schemas/contact';
import { ChannelIcon } from '../../../components/channel-label';
import { formatDuration } from '../../../lib/format';
import { unreadCount } from '../../../stores/live-data';
import { useServerNow } from '../../../stores/use-server-now';

/** After this long without an answer the citizen's wait shows in warning colour. */
export const REPLY_WAIT_WARNING_MS = 60_000;

/**
 * Since when the citizen has waited for an answer: their oldest message after the agent's last
 * reply; null when the agent spoke last (or it is a call, where waiting is the call timer's job).
 */
export function awaitingReplySince(conversation: ConversationDetail): number | null {
  if (conversation.contact.channel === 'voice') return null;
  let since: number | null = null;
  for (const message of conversation.messages) {
    if (message.direction === 'outbound') since = null;
    else if (since === null) since = message.at;
  }
  return since;
}

/** One tab: channel, citizen, time held, the citizen's wait for a reply, unread messages. */
export function ConversationTabLabel({
  conversation,
  seenUpTo,
}: {
  conversation: ConversationDetail;
  seenUpTo: number | undefined;
}) {
  const { t } = useTranslation();
  const now = useServerNow();
  const { contact } = conversation;
  const unread = unreadCount(conversation, seenUpTo);
  const waitingSince = awaitingReplySince(conversation);
  const waitMs = waitingSince === null ? null : Math.max(0, now - waitingSince);
  const heldMs = contact.acceptedAt === null ? null : Math.max(0, now - contact.acceptedAt);
  return (
    <Group gap={6} wrap="nowrap" data-testid={`conversation-tab-${contact.id}`}>
      <ChannelIcon channel={contact.channel} />
      <div style={{ minWidth: 0, textAlign: 'left' }}>
        <Text size="sm" fw={600} truncate maw={150}>
          {contact.citizenName}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {heldMs === null ? contact.reference : formatDuration(heldMs, t)}
        </Text>
      </div>
      {waitMs !== null && (
        <Tooltip label={t('desk.tabs.awaitingReply', { duration: formatDuration(waitMs, t) })}>
          <Badge
            size="xs"
            variant="light"
            color={waitMs >= REPLY_WAIT_WARNING_MS ? 'orange' : 'gray'}
            data-testid="awaiting-reply"
          >
            {formatDuration(waitMs, t)}
          </Badge>
        </Tooltip>
      )}
      {unread > 0 && (
        <Badge
          size="sm"
          circle
          color="red"
          aria-label={t('desk.tabs.unread', { count: unread })}
          data-testid="unread-count"
        >
          {unread}
        </Badge>
      )}
    </Group>
  );
}
