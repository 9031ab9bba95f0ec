import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReasonSchema, type CitizenProfile } from '../../../../shared/schemas/citizen';
import { FormActions } from '../../../components/form-actions';
import { SegmentBadge } from '../../../components/segment-badge';
import { toAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { useCitizenProfile, useMergeCitizens } from '../api/citizen-queries';
import { CitizenSearch } from './citizen-search';

function ProfileCard({
  profile,
  isSurvivor,
  testId,
}: {
  profile: CitizenProfile;
  isSurvivor: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid={testId}
      style={{ borderColor: isSurvivor ? 'var(--mantine-color-teal-6)' : undefined }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="sm">
            {profile.name}
          </Text>
          <Badge size="sm" color={isSurvivor ? 'teal' : 'gray'} variant="light">
            {isSurvivor ? t('citizens.merge.keeps') : t('citizens.merge.mergedAway')}
          </Badge>
        </Group>
        <Group gap="xs">
          <SegmentBadge segment={profile.segment} />
          {profile.isSegmentVerified && (
            <Badge size="xs" color="teal" variant="light">
              {t('citizens.profile.verified')}
            </Badge>
          )}
        </Group>
        <Text size="xs">
          {t('citizens.profile.organisation')}:{' '}
          {profile.organisation ?? t('citizens.profile.noValue')}
        </Text>
        <Text size="xs" ff="monospace">
          NIK {profile.nikMasked ?? t('citizens.profile.noNik')}
        </Text>
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {profile.addresses.map((address) => (
            <Text component="li" key={address.address} size="xs" ff="monospace">
              {address.address}
            </Text>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">
          {t('citizens.merge.contacts', { count: profile.timeline.length })} ·{' '}
          {t('citizens.merge.followUps', { count: profile.openFollowUps.length })}
        </Text>
      </Stack>
    </Paper>
  );
}

function CompareAndConfirm({
  profile,
  otherId,
  reason,
  onBack,
  onCancel,
  onMerged,
}: {
  profile: CitizenProfile;
  otherId: string;
  reason: string;
  onBack: () => void;
  onCancel: () => void;
  onMerged: (survivor: CitizenProfile) => void;
}) {
  const { t } = useTranslation();
  const other = useCitizenProfile(otherId, reason);
  const merge = useMergeCitizens();
  const [survivorId, setSurvivorId] = useState(profile.id);
  const [why, setWhy] = useState('');
  const [whyError, setWhyError] = useState<string | null>(null);

  if (other.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (other.isError) {
    return (
      <Alert color="red" role="alert">
        {t('citizens.profile.loadFailed', { message: errorText(other.error, t) })}
      </Alert>
    );
  }
  const pair = [profile, other.data];
  const survivor = pair.find((p) => p.id === survivorId) ?? profile;
  const mergedAway = pair.find((p) => p.id !== survivorId) ?? other.data;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = AccessReasonSchema.safeParse(why);
    if (!parsed.success) {
      setWhyError(t('citizens.reason.required'));
      return;
    }
    setWhyError(null);
    merge.mutate(
      { survivorId: survivor.id, otherId: mergedAway.id, reason: parsed.data },
      {
        onSuccess: (merged) => {
          notifications.show({
            color: 'green',
            message: t('citizens.merge.done', { other: mergedAway.name, survivor: merged.name }),
          });
          onMerged(merged);
        },
      },
    );
  };

  const failure =
    merge.error === null
      ? null
      : toAppError(merge.error).code === 'conflict'
        ? t('citizens.merge.refused')
        : t('citizens.merge.failed', { message: errorText(merge.error, t) });

  return (
    <form onSubmit={submit} noValidate data-testid="merge-confirm-form">
      <Stack gap="sm">
        <Radio.Group
          label={t('citizens.merge.survivor')}
          value={survivorId}
          onChange={setSurvivorId}
          data-testid="merge-survivor"
        >
          <SimpleGrid cols={2} spacing="sm" mt={6}>
            {pair.map((candidate, index) => (
              <Stack key={candidate.id} gap={6}>
                <Radio
                  value={candidate.id}
                  label={candidate.name}
                  data-testid={`merge-survivor-${index === 0 ? 'current' : 'other'}`}
                />
                <ProfileCard
                  profile={candidate}
                  isSurvivor={candidate.id === survivorId}
                  testId={`merge-card-${index === 0 ? 'current' : 'other'}`}
                />
              </Stack>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          {t('citizens.merge.explain')}
        </Text>
        <Textarea
          label={t('citizens.merge.reason')}
          placeholder={t('citizens.merge.reasonPlaceholder')}
          required
          maxLength={300}
          autosize
          minRows={2}
          value={why}
          onChange={(event) => setWhy(event.currentTarget.value)}
          error={whyError}
          data-testid="merge-reason"
        />
        <Button variant="subtle" size="xs" onClick={onBack} style={{ alignSelf: 'flex-start' }}>
          {t('citizens.merge.back')}
        </Button>
        <FormActions
          failure={failure}
          submitLabel={t('citizens.merge.confirm')}
          isPending={merge.isPending}
          onCancel={onCancel}
          submitTestId="merge-submit"
        />
      </Stack>
    </form>
  );
}

/**
 * Merging two profiles of one person: find the second, see both side by side, choose which
 * stays, say why, confirm. The one that stays shows both histories afterwards.
 */
export function MergeModal({
  profile,
  reason,
  opened,
  onClose,
  onMerged,
}: {
  profile: CitizenProfile;
  reason: string;
  opened: boolean;
  onClose: () => void;
  onMerged: (survivor: CitizenProfile) => void;
}) {
  const { t } = useTranslation();
  const [otherId, setOtherId] = useState<string | null>(null);
  const close = () => {
    setOtherId(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('citizens.merge.title')} size="xl">
      {opened &&
        (otherId === null ? (
          <Stack gap="sm" data-testid="merge-find">
            <Text size="sm">{t('citizens.merge.find', { name: profile.name })}</Text>
            <CitizenSearch
              reason={reason}
              excludeId={profile.id}
              onPick={(hit) => setOtherId(hit.id)}
              testIdPrefix="merge-search"
              autoFocus
            />
          </Stack>
        ) : (
          <CompareAndConfirm
            profile={profile}
            otherId={otherId}
            reason={reason}
            onBack={() => setOtherId(null)}
            onCancel={close}
            onMerged={(survivor) => {
              setOtherId(null);
              onMerged(survivor);
            }}
          />
        ))}
    </Modal>
  );
}
