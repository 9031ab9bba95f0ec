import { Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallerContext } from '../../shared/schemas/contact';
import { ContactHistoryList } from './contact-history';
import { NikField } from './nik-field';
import { SegmentBadge } from './segment-badge';

/**
 * Who is calling: profile, segment and previous contacts with their outcomes. Someone watching
 * the conversation (a trainer, a lead monitoring) gets the profile withheld by the server and
 * sees only the name and segment.
 */
export function CallerContextPanel({
  caller,
  canRevealNik = false,
}: {
  caller: CallerContext;
  /** The serving agent may reveal the ID number (logged); a trainer watching may not. */
  canRevealNik?: boolean;
}) {
  const { t } = useTranslation();
  const segment = (
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
  );
  if (caller.isProfileWithheld === true) {
    return (
      <Stack gap="sm" data-testid="caller-context">
        <div>
          <Title order={3} size="h5">
            {caller.name}
          </Title>
          {segment}
        </div>
        <Text size="xs" c="dimmed" data-testid="caller-withheld">
          {t('citizens.callerWithheld')}
        </Text>
      </Stack>
    );
  }
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
        {segment}
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
        <ContactHistoryList contacts={caller.previousContacts} />
      )}
    </Stack>
  );
}
