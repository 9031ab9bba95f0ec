import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderEscalations, type EscalationStatus } from '../../../../shared/domain/escalations';
import type { Escalation } from '../../../../shared/schemas/team-lead';
import { Elapsed } from '../../../components/elapsed';
import { errorText } from '../../../lib/error-text';
import { useEscalationAction, useLeadEscalations } from '../api/lead-queries';
import { FollowDrawer } from './on-demand-panels';

const STATUS_COLORS: Record<EscalationStatus, MantineColor> = {
  open: 'red',
  answered: 'blue',
  joined: 'teal',
  closed: 'gray',
};

function EscalationItem({
  escalation,
  onJoin,
}: {
  escalation: Escalation;
  onJoin: (escalation: Escalation) => void;
}) {
  const { t } = useTranslation();
  const act = useEscalationAction();
  const [answer, setAnswer] = useState('');
  const isClosed = escalation.status === 'closed';
  const onError = (error: unknown) =>
    notifications.show({
      color: 'red',
      message: t('teamLead.escalations.failed', { message: errorText(error, t) }),
    });
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="escalation"
      data-status={escalation.status}
      bg={escalation.status === 'open' ? 'red.0' : undefined}
      style={{ opacity: isClosed ? 0.7 : 1 }}
    >
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={650}>
          {escalation.agentName}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge size="xs" color={STATUS_COLORS[escalation.status]} variant="light">
            {t(`teamLead.escalations.status.${escalation.status}`)}
          </Badge>
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Elapsed since={escalation.raisedAt} />
          </Text>
        </Group>
      </Group>
      {escalation.contactReference && (
        <Text size="xs" c="dimmed" ff="monospace">
          {t('teamLead.escalations.about', { reference: escalation.contactReference })}
        </Text>
      )}
      <Text size="sm" mt={4}>
        {escalation.text}
      </Text>
      {escalation.answer && (
        <Text size="xs" c="blue.8" mt={4}>
          {t('teamLead.escalations.answeredBy', {
            name: escalation.handledByName ?? '',
            answer: escalation.answer,
          })}
        </Text>
      )}
      {!isClosed && (
        <Stack gap={4} mt={6}>
          <Textarea
            size="xs"
            autosize
            minRows={1}
            maxLength={500}
            aria-label={t('teamLead.escalations.answerLabel', { name: escalation.agentName })}
            placeholder={t('teamLead.escalations.answerLabel', { name: escalation.agentName })}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
          />
          <Group gap={4}>
            <Button
              size="compact-xs"
              disabled={answer.trim() === ''}
              loading={act.isPending}
              onClick={() =>
                act.mutate(
                  { kind: 'answer', escalationId: escalation.id, text: answer.trim() },
                  { onSuccess: () => setAnswer(''), onError },
                )
              }
            >
              {t('teamLead.escalations.answer')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              onClick={() =>
                act.mutate(
                  { kind: 'join', escalationId: escalation.id },
                  { onSuccess: () => onJoin(escalation), onError },
                )
              }
            >
              {t('teamLead.escalations.join')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() =>
                act.mutate({ kind: 'close', escalationId: escalation.id }, { onError })
              }
            >
              {t('teamLead.escalations.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/**
 * Agents' calls for help, open ones first: the lead answers in a line the agent reads on the desk,
 * or joins to watch the conversation. New ones also arrive as a notification with a chime.
 */
export function EscalationsPanel() {
  const { t } = useTranslation();
  const escalations = useLeadEscalations();
  const [following, setFollowing] = useState<Escalation | null>(null);
  const list = orderEscalations(escalations.data?.escalations ?? []);
  const open = list.filter((e) => e.status === 'open').length;
  return (
    <section aria-labelledby="escalations-title" data-testid="escalations-panel">
      <Group gap={6} mb={6}>
        <IconHandStop size={16} aria-hidden />
        <Text fw={650} size="sm" id="escalations-title" component="h2" m={0}>
          {t('teamLead.escalations.title')}
        </Text>
        {open > 0 && (
          <Badge size="sm" color="red" circle>
            {open}
          </Badge>
        )}
      </Group>
      <Stack gap={6} aria-live="polite">
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('teamLead.escalations.empty')}
          </Text>
        ) : (
          list
            .slice(0, 15)
            .map((escalation) => (
              <EscalationItem key={escalation.id} escalation={escalation} onJoin={setFollowing} />
            ))
        )}
      </Stack>
      <FollowDrawer escalation={following} onClose={() => setFollowing(null)} />
    </section>
  );
}
