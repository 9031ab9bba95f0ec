import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayMarkMustRead } from '../../../../shared/domain/publications';
import type { NoticeReadership } from '../../../../shared/schemas/publication';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { formatTime, formatWhen } from '../../../lib/format';
import { useMarkMustRead, useReadership } from '../api/notice-queries';
import { noticeHeadline } from '../notice-text';

/** The newest this many show; older ones are history. */
const SHOWN_NOTICES = 8;

function Readers({ notice }: { notice: NoticeReadership }) {
  const { t, i18n } = useTranslation();
  const read = notice.readers.filter((r) => r.acknowledgedAt !== null);
  const unread = notice.readers.filter((r) => r.acknowledgedAt === null);
  return (
    <Stack gap={2} mt={4} data-testid="readers">
      <Text size="xs" fw={600}>
        {t('notices.readersDone')}
      </Text>
      {read.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        read.map((r) => (
          <Text key={r.agentId} size="xs" data-testid="reader-done">
            ✓ {r.displayName} · {formatTime(r.acknowledgedAt ?? 0, i18n.language)}
          </Text>
        ))
      )}
      <Text size="xs" fw={600} mt={2}>
        {t('notices.readersPending')}
      </Text>
      {unread.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        unread.map((r) => (
          <Text key={r.agentId} size="xs" c="red.8" data-testid="reader-pending">
            ○ {r.displayName}
          </Text>
        ))
      )}
    </Stack>
  );
}

function NoticeRow({ notice, user }: { notice: NoticeReadership; user: User }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(notice.mustRead);
  const mark = useMarkMustRead();
  const total = notice.readers.length;
  const done = notice.readers.filter((r) => r.acknowledgedAt !== null).length;
  return (
    <Box
      p={6}
      style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}
      bg="white"
      data-testid="readership-notice"
      data-notice-id={notice.id}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} lineClamp={2}>
            {noticeHeadline(notice, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {notice.publishedByName} · {formatWhen(notice.publishedAt, i18n.language)}
          </Text>
        </Box>
        {notice.mustRead && (
          <Badge size="xs" color="red" variant="filled">
            {t('notices.mustRead')}
          </Badge>
        )}
      </Group>
      {notice.mustRead && (
        <UnstyledButton
          w="100%"
          mt={4}
          onClick={() => setOpen((value) => !value)}
          aria-expanded={isOpen}
          data-testid="readership-toggle"
        >
          <Text size="xs" data-testid="readership-count">
            {t('notices.readCount', { done, total })}
          </Text>
          <Progress
            value={total === 0 ? 0 : (done / total) * 100}
            color={done === total ? 'teal' : 'orange'}
            size="sm"
            aria-hidden
          />
        </UnstyledButton>
      )}
      {notice.mustRead && isOpen && <Readers notice={notice} />}
      {mayMarkMustRead(user.role) && (
        <Button
          size="compact-xs"
          variant="subtle"
          color={notice.mustRead ? 'gray' : 'red'}
          mt={4}
          loading={mark.isPending}
          onClick={() => mark.mutate({ noticeId: notice.id, mustRead: !notice.mustRead })}
          data-testid="toggle-must-read"
        >
          {notice.mustRead ? t('notices.unmarkMustRead') : t('notices.markMustRead')}
        </Button>
      )}
      {mark.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorText(mark.error, t)}
        </Text>
      )}
    </Box>
  );
}

/**
 * For leads and administrators: what was published lately and, for a must-read change, which of
 * their agents have acknowledged it and which not yet, filling in live. Administrators mark a
 * change must-read here after the fact.
 */
export function ReadershipPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const readership = useReadership();
  const notices = readership.data?.notices.slice(0, SHOWN_NOTICES) ?? [];
  return (
    <section aria-labelledby="readership-title" data-testid="readership-panel">
      <Group justify="space-between" mb={6}>
        <Text fw={650} size="sm" id="readership-title" component="h2" m={0}>
          {t('notices.readershipTitle')}
        </Text>
        {readership.isFetching && <Loader size={12} />}
      </Group>
      {readership.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorText(readership.error, t)}
        </Alert>
      )}
      {readership.isSuccess && notices.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('notices.readershipEmpty')}
        </Text>
      )}
      <Stack gap={6}>
        {notices.map((notice) => (
          <NoticeRow key={notice.id} notice={notice} user={user} />
        ))}
      </Stack>
    </section>
  );
}
