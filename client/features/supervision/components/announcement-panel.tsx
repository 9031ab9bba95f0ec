import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementReadership } from '../../../../shared/schemas/team-lead';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { useLeadAnnouncements, useLeadOverview, usePublishAnnouncement } from '../api/lead-queries';

const EVERYONE = 'everyone';

function AnnouncementItem({ announcement }: { announcement: AnnouncementReadership }) {
  const { t, i18n } = useTranslation();
  const read = announcement.readers.filter((r) => r.acknowledgedAt !== null).length;
  const total = announcement.readers.length;
  const notRead = announcement.readers.filter((r) => r.acknowledgedAt === null);
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="announcement">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {announcement.teamName ?? t('teamLead.announcements.everyone')} ·{' '}
          {announcement.authorName}
        </Text>
        <Text size="xs" c="dimmed">
          {formatTime(announcement.publishedAt, i18n.language)}
        </Text>
      </Group>
      <Text size="sm" mt={2}>
        {announcement.text}
      </Text>
      <Progress
        mt={6}
        size="sm"
        value={total === 0 ? 0 : (read / total) * 100}
        color="teal"
        aria-hidden
      />
      <Text size="xs" mt={2} data-testid="announcement-read-count">
        {t('teamLead.announcements.readCount', { read, total })}
      </Text>
      {notRead.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('teamLead.announcements.notRead', {
            names: notRead.map((r) => r.displayName).join(', '),
          })}
        </Text>
      )}
    </Paper>
  );
}

/**
 * Announcements to the team: a lead writes to their own team, an administrator to a team or to
 * every team; below, each with who of the viewer's agents has acknowledged it, live.
 */
export function AnnouncementPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const overview = useLeadOverview();
  const announcements = useLeadAnnouncements();
  const publish = usePublishAnnouncement();
  const teams = overview.data?.teams ?? [];
  const isAdmin = user.role === 'admin';
  const [target, setTarget] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const teamId = isAdmin
    ? target === EVERYONE || target === null
      ? null
      : target
    : (user.teamId ?? null);

  const submit = () =>
    publish.mutate(
      { commandId, teamId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setCommandId(crypto.randomUUID());
          notifications.show({ color: 'teal', message: t('teamLead.announcements.published') });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            message: t('teamLead.announcements.failed', { message: errorText(error, t) }),
          }),
      },
    );

  return (
    <section aria-labelledby="announcements-title" data-testid="announcement-panel">
      <Group gap={6} mb={6}>
        <IconSpeakerphone size={16} aria-hidden />
        <Text fw={650} size="sm" id="announcements-title" component="h2" m={0}>
          {t('teamLead.announcements.title')}
        </Text>
      </Group>
      <Stack gap={6}>
        {isAdmin && (
          <NativeSelect
            size="xs"
            label={t('teamLead.announcements.to')}
            value={target ?? EVERYONE}
            onChange={(event) => setTarget(event.currentTarget.value)}
            data={[
              { value: EVERYONE, label: t('teamLead.announcements.everyone') },
              ...teams.map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
        )}
        <Textarea
          size="xs"
          autosize
          minRows={2}
          maxLength={1000}
          label={t('teamLead.announcements.text')}
          placeholder={t('teamLead.announcements.write')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            size="compact-sm"
            disabled={text.trim() === ''}
            loading={publish.isPending}
            onClick={submit}
          >
            {t('teamLead.announcements.publish')}
          </Button>
        </Group>
        {(announcements.data?.announcements ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('teamLead.announcements.empty')}
          </Text>
        ) : (
          announcements
            .data!.announcements.slice(0, 5)
            .map((announcement) => (
              <AnnouncementItem key={announcement.id} announcement={announcement} />
            ))
        )}
      </Stack>
    </section>
  );
}
