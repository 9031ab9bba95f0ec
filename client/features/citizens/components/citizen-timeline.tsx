import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CitizenProfile } from '../../../../shared/schemas/citizen';
import { ContactHistoryList } from '../../../components/contact-history';
import { formatDateTime } from '../../../lib/format';
import { useServerNow } from '../../../stores/use-server-now';

/** Open follow-ups first (soonest due first), then every contact newest first. */
export function CitizenTimeline({ profile }: { profile: CitizenProfile }) {
  const { t, i18n } = useTranslation();
  const now = useServerNow();
  return (
    <Stack gap="md">
      <section aria-labelledby="citizen-follow-ups">
        <Title order={3} size="sm" id="citizen-follow-ups" mb={6}>
          {t('citizens.timeline.followUps')} ({profile.openFollowUps.length})
        </Title>
        {profile.openFollowUps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('citizens.timeline.noFollowUps')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {profile.openFollowUps.map((followUp) => {
              const isOverdue = followUp.dueAt < now;
              return (
                <Paper
                  component="li"
                  key={followUp.id}
                  withBorder
                  p="xs"
                  radius="sm"
                  data-testid="citizen-follow-up"
                >
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {followUp.title}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      {isOverdue && (
                        <Badge size="xs" color="red" variant="light">
                          {t('citizens.timeline.overdue')}
                        </Badge>
                      )}
                      <Text size="xs" c={isOverdue ? 'red.8' : 'dimmed'}>
                        {t('citizens.timeline.due', {
                          date: formatDateTime(followUp.dueAt, i18n.language),
                        })}
                      </Text>
                    </Group>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('citizens.timeline.owner', {
                      name: followUp.ownerName,
                      reference: followUp.contactReference,
                    })}
                  </Text>
                </Paper>
              );
            })}
          </Stack>
        )}
      </section>
      <section aria-labelledby="citizen-contacts">
        <Title order={3} size="sm" id="citizen-contacts" mb={6}>
          {t('citizens.timeline.contacts')} ({profile.timeline.length})
        </Title>
        {profile.timeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('citizens.timeline.noContacts')}
          </Text>
        ) : (
          <ContactHistoryList contacts={profile.timeline} />
        )}
      </section>
    </Stack>
  );
}
