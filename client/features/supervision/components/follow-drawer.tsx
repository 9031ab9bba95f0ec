import { Drawer, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../shared/schemas/team-lead';
import { ConversationHeader, Transcript } from '../../../components/conversation-view';
import { useLiveStore } from '../../../stores/live-store';
import { useFollowAgent } from '../api/follow-agent';

/** The joined agent's conversations, live and read-only, beside the console. */
export function FollowDrawer({
  escalation,
  onClose,
}: {
  escalation: Escalation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const follow = useFollowAgent(escalation?.agentId ?? null);
  const conversations = useLiveStore((state) => state.training.monitor.conversations);
  const shown = escalation?.contactId
    ? [...conversations].sort(
        (a, b) =>
          Number(b.contact.id === escalation.contactId) -
          Number(a.contact.id === escalation.contactId),
      )
    : conversations;
  return (
    <Drawer
      opened={escalation !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('teamLead.escalations.monitorTitle', { name: escalation?.agentName ?? '' })}
    >
      <Stack gap="md" data-testid="follow-drawer">
        {escalation && (
          <Paper withBorder p="xs" bg="red.0">
            <Text size="sm">{escalation.text}</Text>
          </Paper>
        )}
        {follow.isSuccess && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('teamLead.escalations.monitorEmpty')}
          </Text>
        )}
        {shown.map((conversation) => (
          <Stack key={conversation.contact.id} gap={6}>
            <ConversationHeader contact={conversation.contact} />
            <Transcript messages={conversation.messages} maxHeight={420} />
          </Stack>
        ))}
      </Stack>
    </Drawer>
  );
}
