import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/schemas/contact';
import type { PendingReply } from '../../../components/conversation-view';
import { outboxEntryError } from '../../../components/outbox-indicator';
import { currentOutbox, useOutboxStore, type OutboxEntry } from '../../../lib/outbox';

/** How far apart the clocks of this device and the server may be when matching a reply. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Whether the transcript already has this reply: the message fact can arrive just before the ack
 * that takes the entry out of the outbox, and the reply must not show twice meanwhile.
 */
function isDelivered(entry: OutboxEntry, messages: Message[]): boolean {
  const text = (entry.payload as { text: string }).text.trim();
  return messages.some(
    (message) =>
      message.direction === 'outbound' &&
      message.text === text &&
      message.at >= entry.submittedAt - CLOCK_SLACK_MS,
  );
}

/** The agent's replies to this conversation that wait in the outbox, oldest first. */
export function usePendingReplies(contactId: string, messages: Message[]): PendingReply[] {
  const { t } = useTranslation();
  const entries = useOutboxStore((state) => state.entries);
  const sendingId = useOutboxStore((state) => state.sendingId);
  return useMemo(
    () =>
      entries
        .filter(
          (entry) =>
            entry.name === 'message:send' &&
            (entry.payload as { contactId: string }).contactId === contactId &&
            !isDelivered(entry, messages),
        )
        .map((entry) => ({
          commandId: entry.commandId,
          text: (entry.payload as { text: string }).text,
          at: entry.submittedAt,
          state:
            entry.status === 'failed'
              ? 'failed'
              : entry.commandId === sendingId
                ? 'sending'
                : 'waiting',
          failure: entry.status === 'failed' ? outboxEntryError(entry, t) : null,
          onRetry: () => void currentOutbox()?.then((outbox) => outbox.retry(entry.commandId)),
          onDiscard: () => void currentOutbox()?.then((outbox) => outbox.discard(entry.commandId)),
        })),
    [entries, sendingId, contactId, messages, t],
  );
}
