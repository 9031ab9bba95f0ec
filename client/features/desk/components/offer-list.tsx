import { Badge, Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../../shared/schemas/offer';
import { ChannelLabel } from '../../../components/channel-label';
import { Countdown } from '../../../components/countdown';
import { SegmentBadge } from '../../../components/segment-badge';
import { useLabels } from '../../../lib/reference-data';
import { useServerNow } from '../../../stores/use-server-now';

/** An offer stays on screen this long past its deadline, until the server withdraws it. */
export const OFFER_GRACE_MS = 3_000;

export function isOfferLive(offer: Offer, serverNow: number): boolean {
  return offer.expiresAt + OFFER_GRACE_MS > serverNow;
}

function OfferCard({
  offer,
  isFirst,
  isAccepting,
  isBusy,
  onAccept,
  onReject,
}: {
  offer: Offer;
  isFirst: boolean;
  isAccepting: boolean;
  isBusy: boolean;
  onAccept: (offer: Offer) => void;
  onReject: (offer: Offer) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { contact } = offer;
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="sm"
      data-testid="offer-card"
      data-offer-id={offer.id}
      style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
    >
      <Text fw={700} size="sm" ff="monospace">
        {contact.reference}
      </Text>
      <Group gap="xs" mt={2}>
        <SegmentBadge segment={contact.segment} />
        <ChannelLabel channel={contact.channel} size="xs" />
        <Text size="xs">{labels.topic(contact.topic)}</Text>
      </Group>
      <Text size="sm" fw={600} mt={2}>
        {contact.citizenName}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {contact.preview}
      </Text>
      {offer.transfer !== null && (
        <Text size="xs" mt={4} c="violet.8" data-testid="offer-transfer">
          {t('transfer.offerFrom', {
            name: offer.transfer.fromName,
            mode: t(offer.transfer.mode === 'warm' ? 'transfer.modeWarm' : 'transfer.modeCold'),
          })}
          {offer.transfer.note !== null ? `: “${offer.transfer.note}”` : ''}
        </Text>
      )}
      <div style={{ marginTop: 6 }}>
        <Countdown startedAt={offer.createdAt} expiresAt={offer.expiresAt} />
      </div>
      <Group gap="xs" mt={6} grow>
        <Button
          size="xs"
          onClick={() => onAccept(offer)}
          loading={isAccepting}
          disabled={isBusy && !isAccepting}
          data-testid="offer-accept"
          rightSection={isFirst ? <Kbd size="xs">A</Kbd> : undefined}
        >
          {t('desk.accept')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onReject(offer)}
          disabled={isBusy}
          data-testid="offer-reject"
          rightSection={isFirst ? <Kbd size="xs">R</Kbd> : undefined}
        >
          {t('desk.reject')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The agent's offers, oldest first, each with its countdown. */
export function OfferList({
  offers,
  acceptingOfferId,
  onAccept,
  onReject,
  isReceiving,
}: {
  offers: Offer[];
  acceptingOfferId: string | null;
  onAccept: (offer: Offer) => void;
  onReject: (offer: Offer) => void;
  isReceiving: boolean;
}) {
  const { t } = useTranslation();
  const serverNow = useServerNow();
  const live = offers.filter((offer) => isOfferLive(offer, serverNow));
  return (
    <section aria-labelledby="offers-title" data-testid="offers">
      <Group gap="xs" mb={6}>
        <Text fw={650} size="sm" id="offers-title" component="h2" m={0}>
          {t('desk.offers')}
        </Text>
        {live.length > 0 && (
          <Badge size="sm" color="teal" circle>
            {live.length}
          </Badge>
        )}
      </Group>
      {live.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isReceiving ? t('desk.noOffers') : t('desk.notAvailableHint')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {live.map((offer, index) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              isFirst={index === 0}
              isAccepting={acceptingOfferId === offer.id}
              isBusy={acceptingOfferId !== null}
              onAccept={onAccept}
              onReject={onReject}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}
