import { useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CallerContextPanel } from '../../../components/caller-context';
import { ConversationHeader, ScriptPanel, Transcript } from '../../../components/conversation-view';
import { Elapsed } from '../../../components/elapsed';
import { OutcomeList } from '../../../components/outcome-list';
import { StatusBadge } from '../../../components/status-badge';
import { errorText } from '../../../lib/error-text';
import { useLiveStore } from '../../../stores/live-store';
import { useMonitor } from '../api/training-queries';

/** What the app slots into the monitor from coaching (whispers, approvals, plan, evaluations). */
export interface MonitorSlots {
  /** Beside the watched conversation: whispers to the agent, its replies awaiting approval. */
  renderConversationCoaching?: (args: {
    agentId: string;
    agentName: string;
    contactId: string;
  }) => ReactNode;
  /**
   * Under the outcomes: the agent's plan and evaluations. `conversation` is the one in front, or
   * else the last one they closed (to score afterwards).
   */
  renderAgentCoaching?: (args: {
    agentId: string;
    agentName: string;
    isTrainee: boolean;
    conversation: { contactId: string; reference: string } | null;
  }) => ReactNode;
}

/**
 * A read-only mirror of one agent's work: their conversation (header, transcript, script, caller)
 * and the outcomes they log, live. Nothing here can change their work; coaching (whispers,
 * approvals, evaluations) comes through `slots` and goes through its own commands.
 */
function inFront(
  monitor: {
    conversations: { contact: { id: string; reference: string } }[];
    outcomes: { contact: { id: string; reference: string } }[];
  },
  watchedContactId: string | null,
): { contactId: string; reference: string } | null {
  const contact =
    monitor.conversations.find((c) => c.contact.id === watchedContactId)?.contact ??
    monitor.conversations[0]?.contact ??
    monitor.outcomes[0]?.contact;
  return contact === undefined ? null : { contactId: contact.id, reference: contact.reference };
}

export function MonitorView({
  agentId,
  onStop,
  slots = {},
}: {
  agentId: string;
  onStop: () => void;
  slots?: MonitorSlots;
}) {
  const { t } = useTranslation();
  const monitorQuery = useMonitor(agentId);
  const agent = useLiveStore((state) => state.agents[agentId]);
  const monitor = useLiveStore((state) =>
    state.training.monitor.agentId === agentId ? state.training.monitor : null,
  );
  const name = agent?.displayName ?? '';
  const [watchedContactId, setWatchedContactId] = useState<string | null>(null);

  return (
    <Stack gap="sm" data-testid="monitor-view" aria-label={t('training.monitoring')}>
      <Paper
        withBorder
        p="xs"
        radius="sm"
        bg="violet.0"
        style={{ borderColor: 'var(--mantine-color-violet-4)' }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Badge
              color="violet"
              size="lg"
              leftSection={<IconEye size={14} aria-hidden />}
              data-testid="monitor-readonly-badge"
            >
              {t('training.monitoring')}
            </Badge>
            <Title order={2} size="h5">
              {t('training.monitoringAgent', { name })}
            </Title>
            {agent !== undefined && (
              <Group gap={6} wrap="nowrap">
                <StatusBadge status={agent.status} />
                <Text size="xs" c="dimmed">
                  <Elapsed since={agent.statusSince} />
                </Text>
              </Group>
            )}
          </Group>
          <Button size="xs" variant="default" onClick={onStop} data-testid="monitor-stop">
            {t('training.stop')}
          </Button>
        </Group>
      </Paper>

      {monitor === null ? (
        monitorQuery.isError ? (
          <Alert color="red" role="alert">
            {t('training.monitorFailed', { message: errorText(monitorQuery.error, t) })}
            <div>
              <Button mt="sm" size="xs" onClick={() => void monitorQuery.refetch()}>
                {t('common.retry')}
              </Button>
            </div>
          </Alert>
        ) : (
          <Center mih={200}>
            <Loader aria-label={t('app.loading')} />
          </Center>
        )
      ) : (
        <>
          {monitor.conversations.length === 0 ? (
            <Paper withBorder p="md" radius="sm">
              <Text size="sm" c="dimmed" data-testid="monitor-idle">
                {t('training.noConversation', { name })}
              </Text>
            </Paper>
          ) : (
            <Tabs
              value={
                monitor.conversations.some((c) => c.contact.id === watchedContactId)
                  ? watchedContactId
                  : monitor.conversations[0]!.contact.id
              }
              onChange={setWatchedContactId}
              keepMounted={false}
            >
              <Tabs.List aria-label={t('training.conversations', { name })}>
                {monitor.conversations.map((conversation) => (
                  <Tabs.Tab key={conversation.contact.id} value={conversation.contact.id}>
                    {conversation.contact.reference}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {monitor.conversations.map((conversation) => (
                <Tabs.Panel key={conversation.contact.id} value={conversation.contact.id} pt="sm">
                  <Box
                    style={{
                      display: 'grid',
                      gridTemplateColumns: 'minmax(0, 1fr) 280px',
                      gap: 'var(--mantine-spacing-md)',
                    }}
                    data-testid="monitor-conversation"
                  >
                    <Stack gap="sm">
                      <ConversationHeader contact={conversation.contact} />
                      <SimpleGrid cols={2} spacing="md">
                        <Transcript messages={conversation.messages} />
                        <ScriptPanel script={conversation.script} />
                      </SimpleGrid>
                    </Stack>
                    <Stack gap="sm">
                      {slots.renderConversationCoaching?.({
                        agentId,
                        agentName: name,
                        contactId: conversation.contact.id,
                      })}
                      <Paper withBorder p="sm" radius="sm" bg="gray.0">
                        <CallerContextPanel caller={conversation.caller} />
                      </Paper>
                    </Stack>
                  </Box>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
          <section aria-labelledby="monitor-outcomes-title">
            <Text fw={650} size="sm" id="monitor-outcomes-title" component="h3" m={0} mb={6}>
              {t('training.outcomes')}
            </Text>
            <OutcomeList records={monitor.outcomes} testId="monitor-outcomes" />
          </section>
          {slots.renderAgentCoaching?.({
            agentId,
            agentName: name,
            isTrainee: agent?.isTrainee ?? false,
            conversation: inFront(monitor, watchedContactId),
          })}
        </>
      )}
    </Stack>
  );
}
