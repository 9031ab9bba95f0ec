import {
  Alert,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandStop, IconSpeakerphone } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { subscribeToFacts } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';
import {
  leadMessageKeys,
  markAnnouncementRead,
  putAnnouncement,
  putEscalation,
  useAcknowledgeAnnouncement,
  useCloseMyEscalation,
  useMyAnnouncements,
  useMyEscalations,
  useMyStatusChange,
  useRaiseEscalation,
} from '../api/lead-message-queries';

/** Keeps the agent's lead messages current from pushed facts. */
function useLeadMessageFacts(user: User): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        switch (event.name) {
          case 'escalation:changed':
            if (event.fact.agentId === user.id) putEscalation(queryClient, event.fact);
            return;
          case 'announcement:published':
            putAnnouncement(queryClient, { ...event.fact, acknowledgedAt: null });
            return;
          case 'announcement:acknowledged':
            if (event.fact.agentId === user.id) {
              markAnnouncementRead(
                queryClient,
                event.fact.announcementId,
                event.fact.acknowledgedAt,
              );
            }
            return;
          case 'agent:status-forced':
            if (event.fact.agentId === user.id) {
              queryClient.setQueryData(leadMessageKeys.statusChange(), { change: event.fact });
            }
            return;
          case 'agent:status-changed':
            // The agent chose a status again: the lead's change is history.
            if (event.fact.id === user.id) {
              void queryClient.invalidateQueries({ queryKey: leadMessageKeys.statusChange() });
            }
            return;
          default:
            return;
        }
      }),
    [queryClient, user.id],
  );
}

function EscalateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const raise = useRaiseEscalation();
  const selected = useLiveStore((state) => {
    const id = state.desk.selectedContactId;
    return id === null
      ? null
      : (state.desk.conversations.find((c) => c.contact.id === id)?.contact ?? null);
  });
  const [text, setText] = useState('');
  const [isLinked, setLinked] = useState(true);
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const submit = () =>
    raise.mutate(
      { commandId, text: text.trim(), contactId: isLinked && selected ? selected.id : null },
      {
        onSuccess: () => {
          setText('');
          setCommandId(crypto.randomUUID());
          notifications.show({ color: 'teal', message: t('teamLead.desk.sent') });
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('teamLead.desk.escalateTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('teamLead.desk.escalateText')}
            placeholder={t('teamLead.desk.escalatePlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          {selected && (
            <Checkbox
              label={t('teamLead.desk.linkConversation', { reference: selected.reference })}
              checked={isLinked}
              onChange={(event) => setLinked(event.currentTarget.checked)}
            />
          )}
          {raise.isError && (
            <Text size="sm" c="red.8" role="alert">
              {t('teamLead.desk.failed', { message: errorText(raise.error, t) })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              color="red"
              disabled={text.trim() === ''}
              loading={raise.isPending}
            >
              {t('teamLead.desk.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * What the team lead says to the agent, across the top of the desk: announcements until
 * acknowledged, the answer to the agent's escalation, a status the lead set with who and why; and
 * the one action to ask the lead for help.
 */
export function LeadMessages({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  useLeadMessageFacts(user);
  const announcements = useMyAnnouncements();
  const escalations = useMyEscalations();
  const statusChange = useMyStatusChange();
  const acknowledge = useAcknowledgeAnnouncement();
  const close = useCloseMyEscalation();
  const [isEscalating, setEscalating] = useState(false);
  const [dismissedChangeAt, setDismissedChangeAt] = useState<number | null>(null);
  const unread = (announcements.data?.announcements ?? []).filter((a) => a.acknowledgedAt === null);
  const current = (escalations.data?.escalations ?? []).find((e) => e.status !== 'closed');
  const change = statusChange.data?.change ?? null;

  return (
    <Box
      component="section"
      aria-label={t('teamLead.desk.region')}
      aria-live="polite"
      data-testid="lead-messages"
    >
      <Stack gap={4} px="sm" py={4}>
        {unread.map((announcement) => (
          <Alert
            key={announcement.id}
            color="indigo"
            variant="light"
            p="xs"
            icon={<IconSpeakerphone size={18} aria-hidden />}
            data-testid="announcement-banner"
            title={`${t('teamLead.desk.announcement', { name: announcement.authorName })} · ${formatTime(announcement.publishedAt, i18n.language)}`}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">{announcement.text}</Text>
              <Button
                size="compact-sm"
                variant="filled"
                color="indigo"
                loading={acknowledge.isPending && acknowledge.variables === announcement.id}
                onClick={() =>
                  acknowledge.mutate(announcement.id, {
                    onError: (error) =>
                      notifications.show({
                        color: 'red',
                        message: t('teamLead.desk.acknowledgeFailed', {
                          message: errorText(error, t),
                        }),
                      }),
                  })
                }
              >
                {t('teamLead.desk.acknowledge')}
              </Button>
            </Group>
          </Alert>
        ))}
        {change !== null && change.at !== dismissedChangeAt && (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            data-testid="status-forced-banner"
            withCloseButton
            closeButtonLabel={t('teamLead.desk.dismiss')}
            onClose={() => setDismissedChangeAt(change.at)}
          >
            <Text size="sm">
              {t('teamLead.desk.forced', {
                status: t(`status.${change.status}`),
                name: change.byName,
                reason: change.reason,
              })}
            </Text>
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Box style={{ flex: 1, minWidth: 0 }}>
            {current && (
              <Group gap={6} wrap="nowrap" data-testid="my-escalation" data-status={current.status}>
                <Text size="sm" c={current.status === 'open' ? 'dimmed' : 'blue.8'} truncate="end">
                  {current.status === 'open'
                    ? t('teamLead.desk.waiting', { text: current.text })
                    : current.answer
                      ? t('teamLead.desk.answered', {
                          name: current.handledByName ?? '',
                          answer: current.answer,
                        })
                      : t('teamLead.desk.joined', { name: current.handledByName ?? '' })}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('teamLead.desk.close')}
                  onClick={() => close.mutate(current.id)}
                />
              </Group>
            )}
          </Box>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconHandStop size={14} aria-hidden />}
            onClick={() => setEscalating(true)}
            data-testid="escalate-button"
          >
            {t('teamLead.desk.escalate')}
          </Button>
        </Group>
      </Stack>
      <EscalateModal opened={isEscalating} onClose={() => setEscalating(false)} />
    </Box>
  );
}
