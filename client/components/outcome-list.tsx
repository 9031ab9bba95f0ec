import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeRecord } from '../../shared/schemas/outcome';
import { formatDateTime, formatWhen } from '../lib/format';
import { useLabels } from '../lib/reference-data';
import { OutcomeProvenance } from './outcome-provenance';

/**
 * Outcomes newest first: reference, wrap-up label, notes, what they rested on and any follow-up. New entries appear
 * at the top without moving focus.
 */
export function OutcomeList({
  records,
  showAgent = false,
  testId,
}: {
  records: OutcomeRecord[];
  showAgent?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  if (records.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('outcomes.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {records.map((record) => (
        <Paper
          component="li"
          key={record.outcome.id}
          withBorder
          p="xs"
          radius="sm"
          data-testid={`outcome-${record.contact.reference}`}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} ff="monospace">
              {record.contact.reference}
            </Text>
            <Text size="xs" c="dimmed">
              {formatWhen(record.outcome.createdAt, i18n.language)}
            </Text>
          </Group>
          <Group gap="xs" mt={2}>
            <Badge size="sm" variant="light">
              {labels.wrapup(record.outcome.wrapupCode)}
            </Badge>
            {record.outcome.reviewStatus !== undefined && (
              <Badge
                size="sm"
                variant="outline"
                color={record.outcome.reviewStatus === 'reviewed' ? 'teal' : 'orange'}
                data-testid="outcome-review"
              >
                {t(
                  record.outcome.reviewStatus === 'reviewed'
                    ? 'coaching.review.outcomeReviewed'
                    : 'coaching.review.outcomePending',
                )}
              </Badge>
            )}
            {showAgent && (
              <Text size="xs" c="dimmed">
                {t('outcomes.byAgent', { name: record.agentName })}
              </Text>
            )}
          </Group>
          <Text size="xs" mt={2} c={record.outcome.notes ? undefined : 'dimmed'} lineClamp={3}>
            {record.outcome.notes || t('outcomes.noNotes')}
          </Text>
          <OutcomeProvenance provenance={record.provenance} />
          {record.followUp !== null && (
            <Text size="xs" mt={2} c="orange.9">
              {t('outcomes.followUp', { title: record.followUp.title })} —{' '}
              {t('outcomes.followUpDetail', {
                due: formatDateTime(record.followUp.dueAt, i18n.language),
                owner: record.followUp.ownerName,
              })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
