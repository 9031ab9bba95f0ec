import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallerContext } from '../../shared/schemas/contact';
import { formatDateTime } from '../lib/format';
import { useLabels } from '../lib/reference-data';
import { ChannelLabel } from './channel-label';
import { NikField } from './nik-field';
import { OutcomeProvenance } from './outcome-provenance';
import { SegmentBadge } from './segment-badge';

/**
 * Who is calling: profile, segment and previous contacts with their outcomes and the answer and
 * script versions each rested on.
 */
export function CallerContextPanel({
  caller,
  canRevealNik = false,
}: {
  caller: CallerContext;
  /** The serving agent may reveal the ID number (logged); a trainer watching may not. */
  canRevealNik?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap="sm" data-testid="caller-context">
      <div>
        <Title order={3} size="h5">
          {caller.name}
        </Title>
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('caller.address')}:{' '}
          </Text>
          {caller.address}
        </Text>
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            {t('caller.segment')}:
          </Text>
          <SegmentBadge segment={caller.segment} />
          {caller.isSegmentVerified && (
            <Badge size="xs" color="teal" variant="light" data-testid="segment-verified">
              {t('caller.verified')}
            </Badge>
          )}
        </Group>
        {caller.organisation !== null && (
          <Text size="sm">
            <Text span size="sm" c="dimmed">
              {t('caller.organisation')}:{' '}
            </Text>
            {caller.organisation}
          </Text>
        )}
        <NikField
          key={caller.citizenId}
          citizenId={caller.citizenId}
          nikMasked={caller.nikMasked}
          canReveal={canRevealNik}
        />
      </div>
      <Divider />
      <Title order={4} size="sm">
        {t('caller.history')} ({caller.previousContacts.length})
      </Title>
      {caller.previousContacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caller.noHistory')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {caller.previousContacts.map((previous) => (
            <Paper component="li" key={previous.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} ff="monospace">
                  {previous.reference}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(previous.arrivedAt, i18n.language)}
                </Text>
              </Group>
              <Group gap="xs">
                <ChannelLabel channel={previous.channel} size="xs" />
                <Text size="xs">{labels.topic(previous.topic)}</Text>
              </Group>
              {previous.outcome === null ? (
                <Badge size="xs" variant="outline" color="gray" mt={4}>
                  {t('caller.noOutcome')} ·{' '}
                  {previous.isAbandoned === true
                    ? t('contactStatus.abandoned')
                    : previous.isAfterHours === true
                      ? t('contactStatus.afterHours')
                      : t(`contactStatus.${previous.status}`)}
                </Badge>
              ) : (
                <>
                  <Badge size="xs" variant="light" mt={4}>
                    {labels.wrapup(previous.outcome.wrapupCode)}
                  </Badge>
                  {previous.outcome.notes.length > 0 && (
                    <Text size="xs" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                      {previous.outcome.notes}
                    </Text>
                  )}
                  <OutcomeProvenance provenance={previous.outcome.provenance} />
                </>
              )}
              {previous.agentName !== null && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('caller.handledBy', { name: previous.agentName })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
