import { Alert, Divider, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../../shared/schemas/offer';
import { useElapsedText } from '../../../components/elapsed';
import { OutcomeList } from '../../../components/outcome-list';
import { QueueStatePanel } from '../../../components/queue-state-panel';
import { useLiveStore } from '../../../stores/live-store';
import { OfferList } from './offer-list';

const RECENT_OUTCOMES_SHOWN = 8;

function ActiveConversationSummary() {
  const { t } = useTranslation();
  const conversation = useLiveStore((state) => state.desk.conversation);
  const acceptedAgo = useElapsedText(conversation?.contact.acceptedAt ?? null);
  return (
    <section aria-labelledby="active-title">
      <Text fw={650} size="sm" id="active-title" component="h2" m={0} mb={6}>
        {t('desk.activeConversation')}
      </Text>
      {conversation === null ? (
        <Text size="sm" c="dimmed">
          {t('desk.noActiveConversation')}
        </Text>
      ) : (
        <Paper withBorder p="xs" radius="sm" bg="teal.0" data-testid="active-conversation">
          <Text size="sm" fw={700} ff="monospace">
            {conversation.contact.reference}
          </Text>
          <Text size="sm">{conversation.contact.citizenName}</Text>
          {acceptedAgo !== null && (
            <Text size="xs" c="dimmed">
              {t('desk.acceptedAgo', { duration: acceptedAgo })}
            </Text>
          )}
        </Paper>
      )}
    </section>
  );
}

/** Left pane: offers, the held conversation, queue figures, my recent outcomes. */
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
      <ActiveConversationSummary />
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
