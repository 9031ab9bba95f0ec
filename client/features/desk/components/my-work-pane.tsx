import { Alert, Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_CLASSES } from '../../../../shared/domain/capacity';
import type { Offer } from '../../../../shared/schemas/offer';
import { useElapsedText } from '../../../components/elapsed';
import { OutcomeList } from '../../../components/outcome-list';
import { QueueStatePanel } from '../../../components/queue-state-panel';
import { useLiveStore } from '../../../stores/live-store';
import { OfferList } from './offer-list';

const RECENT_OUTCOMES_SHOWN = 8;

/** How much the agent holds against what they may hold, per kind of work. */
function WorkloadSummary() {
  const { t } = useTranslation();
  const agent = useLiveStore((state) =>
    state.desk.agentId === null ? undefined : state.agents[state.desk.agentId],
  );
  const oldestAcceptedAt = useLiveStore((state) =>
    state.desk.conversations.reduce<number | null>((oldest, conversation) => {
      const at = conversation.contact.acceptedAt;
      return at === null ? oldest : oldest === null ? at : Math.min(oldest, at);
    }, null),
  );
  const heldFor = useElapsedText(oldestAcceptedAt);
  if (agent === undefined) return null;
  const held = agent.activeContactIds.length;
  return (
    <section aria-labelledby="workload-title">
      <Text fw={650} size="sm" id="workload-title" component="h2" m={0} mb={6}>
        {t('desk.workload.title')}
      </Text>
      <Paper
        withBorder
        p="xs"
        radius="sm"
        bg={held > 0 ? 'teal.0' : undefined}
        data-testid="workload"
      >
        <Text size="sm" fw={600}>
          {held === 0 ? t('desk.noActiveConversation') : t('desk.workload.held', { count: held })}
        </Text>
        <Group gap="xs" mt={4}>
          {WORK_CLASSES.filter((workClass) => agent.capacity[workClass] > 0).map((workClass) => (
            <Badge
              key={workClass}
              variant="light"
              color={agent.load[workClass] >= agent.capacity[workClass] ? 'orange' : 'gray'}
              data-testid={`workload-${workClass}`}
            >
              {t(`desk.workload.${workClass}`, {
                load: agent.load[workClass],
                capacity: agent.capacity[workClass],
              })}
            </Badge>
          ))}
        </Group>
        {heldFor !== null && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('desk.acceptedAgo', { duration: heldFor })}
          </Text>
        )}
      </Paper>
    </section>
  );
}

/** Left pane: offers, what I hold against my capacity, queue figures, my recent outcomes. */
export function MyWorkPane({
  isTrainee,
  acceptingOfferId,
  onAccept,
  onReject,
  followUps,
}: {
  isTrainee: boolean;
  /** The follow-up board, slotted in by the app. */
  followUps?: ReactNode;
  acceptingOfferId: string | null;
  onAccept: (offer: Offer) => void;
  onReject: (offer: Offer) => void;
}) {
  const { t } = useTranslation();
  const offers = useLiveStore((state) => state.desk.offers);
  // Offers only come to an agent who is available or already on a contact.
  const isReceiving = useLiveStore((state) => {
    const agentId = state.desk.agentId;
    const status = agentId === null ? undefined : state.agents[agentId]?.status;
    return status === 'available' || status === 'on_contact';
  });
  const outcomes = useLiveStore((state) => state.desk.outcomes);
  return (
    <Stack gap="md">
      {isTrainee && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="xs">{t('desk.traineeNotice')}</Text>
        </Alert>
      )}
      <OfferList
        offers={offers}
        acceptingOfferId={acceptingOfferId}
        onAccept={onAccept}
        onReject={onReject}
        isReceiving={isReceiving}
      />
      <Divider />
      <WorkloadSummary />
      <Divider />
      {followUps !== undefined && (
        <>
          {followUps}
          <Divider />
        </>
      )}
      <QueueStatePanel variant="compact" />
      <Divider />
      <section aria-labelledby="my-outcomes-title">
        <Text fw={650} size="sm" id="my-outcomes-title" component="h2" m={0} mb={6}>
          {t('desk.recentOutcomes')}
        </Text>
        <OutcomeList records={outcomes.slice(0, RECENT_OUTCOMES_SHOWN)} testId="my-outcomes" />
      </section>
    </Stack>
  );
}
