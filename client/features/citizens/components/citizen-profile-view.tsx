import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge, IconPencil, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenProfile } from '../../../../shared/schemas/citizen';
import { NikField } from '../../../components/nik-field';
import { SegmentBadge } from '../../../components/segment-badge';
import { errorText } from '../../../lib/error-text';
import { citizenKeys, useCitizenProfile, useUpdateCitizen } from '../api/citizen-queries';
import { AccessLogTable } from './access-log-table';
import { CitizenEditModal } from './citizen-edit-modal';
import { CitizenTimeline } from './citizen-timeline';
import { MergeModal } from './merge-modal';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function ProfileDetails({ profile, reason }: { profile: CitizenProfile; reason: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateCitizen(profile.id, reason);
  return (
    <Table fz="sm" verticalSpacing={6} data-testid="citizen-details">
      <Table.Tbody>
        <Detail label={t('caller.nik.label')}>
          {profile.nikMasked === null ? (
            <Text size="sm" c="dimmed">
              {t('citizens.profile.noNik')}
            </Text>
          ) : (
            <NikField
              key={profile.id}
              citizenId={profile.id}
              nikMasked={profile.nikMasked}
              canReveal
              showLabel={false}
              defaultReason={reason}
              onRevealed={() =>
                void queryClient.invalidateQueries({ queryKey: citizenKeys.accessLog(profile.id) })
              }
            />
          )}
        </Detail>
        <Detail label={t('citizens.profile.segment')}>
          <Group gap="xs">
            <SegmentBadge segment={profile.segment} />
            {profile.isSegmentVerified ? (
              <Badge size="xs" color="teal" variant="light" data-testid="segment-verified">
                {t('citizens.profile.verified')}
              </Badge>
            ) : (
              <>
                <Badge size="xs" color="gray" variant="outline">
                  {t('citizens.profile.unverified')}
                </Badge>
                <Button
                  size="compact-xs"
                  variant="light"
                  leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
                  loading={update.isPending}
                  onClick={() =>
                    update.mutate(
                      { isSegmentVerified: true },
                      {
                        onSuccess: (saved) =>
                          notifications.show({
                            color: 'green',
                            message: t('citizens.profile.segmentConfirmed', { name: saved.name }),
                          }),
                      },
                    )
                  }
                  data-testid="citizen-confirm-segment"
                >
                  {t('citizens.profile.confirmSegment')}
                </Button>
              </>
            )}
          </Group>
          {update.isError && (
            <Text size="xs" c="red.8" role="alert">
              {errorText(update.error, t)}
            </Text>
          )}
        </Detail>
        <Detail label={t('citizens.profile.organisation')}>
          {profile.organisation ?? t('citizens.profile.noValue')}
        </Detail>
        <Detail label={t('citizens.profile.language')}>
          {t(`citizens.profile.languages.${profile.preferredLanguage}`)}
        </Detail>
        <Detail label={t('citizens.profile.consent')}>
          <Text
            size="sm"
            c={profile.mayContact ? undefined : 'orange.8'}
            data-testid="citizen-consent"
          >
            {profile.mayContact
              ? t('citizens.profile.consentYes')
              : t('citizens.profile.consentNo')}
          </Text>
        </Detail>
        <Detail label={t('citizens.profile.addresses')}>
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {profile.addresses.map((address) => (
              <li key={address.address} data-testid="citizen-address">
                <Text span size="xs" c="dimmed" w={60} display="inline-block">
                  {t(`citizens.profile.addressKind.${address.kind}`)}
                </Text>
                <Text span size="sm" ff="monospace">
                  {address.address}
                </Text>
              </li>
            ))}
          </Stack>
        </Detail>
      </Table.Tbody>
    </Table>
  );
}

type ProfileTab = 'details' | 'history' | 'accessLog';

/**
 * One citizen's profile, read (and logged) when opened: details with the masked NIK and its
 * logged reveal, the history, and the access log; edit and merge from the header.
 */
export function CitizenProfileView({
  citizenId,
  reason,
  onMerged,
}: {
  citizenId: string;
  reason: string;
  onMerged: (survivor: CitizenProfile) => void;
}) {
  const { t } = useTranslation();
  const profile = useCitizenProfile(citizenId, reason);
  const [tab, setTab] = useState<ProfileTab>('details');
  const [isEditing, setEditing] = useState(false);
  const [isMerging, setMerging] = useState(false);

  if (profile.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (profile.isError) {
    return (
      <Alert color="red" role="alert">
        {t('citizens.profile.loadFailed', { message: errorText(profile.error, t) })}
      </Alert>
    );
  }
  const citizen = profile.data;
  return (
    <Stack gap="sm" data-testid="citizen-profile">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4" data-testid="citizen-name">
            {citizen.name}
          </Title>
          <Text size="xs" c="dimmed" ff="monospace" data-testid="citizen-id">
            {citizen.id}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
            data-testid="citizen-edit"
          >
            {t('citizens.profile.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconGitMerge size={14} aria-hidden />}
            onClick={() => setMerging(true)}
            data-testid="citizen-merge"
          >
            {t('citizens.profile.merge')}
          </Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(value) => setTab((value as ProfileTab | null) ?? 'details')}>
        <Tabs.List>
          <Tabs.Tab value="details" data-testid="citizen-tab-details">
            {t('citizens.profile.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab
            value="history"
            data-testid="citizen-tab-history"
            rightSection={
              citizen.openFollowUps.length > 0 ? (
                <Badge
                  size="xs"
                  color="orange"
                  variant="light"
                  title={t('citizens.merge.followUps', { count: citizen.openFollowUps.length })}
                >
                  {t('citizens.profile.openFollowUps', { count: citizen.openFollowUps.length })}
                </Badge>
              ) : undefined
            }
          >
            {t('citizens.profile.tabs.history')} ({citizen.timeline.length})
          </Tabs.Tab>
          <Tabs.Tab value="accessLog" data-testid="citizen-tab-access-log">
            {t('citizens.profile.tabs.accessLog')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="sm">
          <ProfileDetails profile={citizen} reason={reason} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <CitizenTimeline profile={citizen} />
        </Tabs.Panel>
        <Tabs.Panel value="accessLog" pt="sm">
          {tab === 'accessLog' && <AccessLogTable citizenId={citizen.id} />}
        </Tabs.Panel>
      </Tabs>
      <CitizenEditModal
        profile={citizen}
        reason={reason}
        opened={isEditing}
        onClose={() => setEditing(false)}
      />
      <MergeModal
        profile={citizen}
        reason={reason}
        opened={isMerging}
        onClose={() => setMerging(false)}
        onMerged={(survivor) => {
          setMerging(false);
          setTab('history');
          onMerged(survivor);
        }}
      />
    </Stack>
  );
}
