import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PreviousContact } from '../../shared/schemas/contact';
import { formatDateTime } from '../lib/format';
import { useLabels } from '../lib/reference-data';
import { ChannelLabel } from './channel-label';
import { OutcomeProvenance } from './outcome-provenance';

/** A citizen's contacts, newest first: reference, when, channel, topic, outcome (with the answer and
 * script versions it rested on) and who. */
export function ContactHistoryList({ contacts }: { contacts: readonly PreviousContact[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {contacts.map((previous) => (
        <Paper
          component="li"
          key={previous.id}
          withBorder
          p="xs"
          radius="sm"
          data-testid="history-contact"
        >
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
  );
}
