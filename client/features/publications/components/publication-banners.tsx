import { ActionIcon, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAwaitingAcknowledgement } from '../../../../shared/domain/publications';
import type { MyNotice } from '../../../../shared/schemas/publication';
import { errorText } from '../../../lib/error-text';
import { readJson, writeJson } from '../../../lib/storage';
import { useAcknowledgeNotice, useMyNotices } from '../api/notice-queries';
import { noticeHeadline } from '../notice-text';

// The drawer (Mantine's Drawer and its focus and scroll locks) loads right after the banners show.
const NoticeDrawer = lazy(() =>
  import('./notice-drawer').then((m) => ({ default: m.NoticeDrawer })),
);

/** More than this many banners fold behind a "show more" so the desk keeps its room. */
const VISIBLE_BANNERS = 3;

function dismissedKey(userId: string): string {
  return `tanggap:dismissed-notices:${userId}`;
}

function readDismissed(userId: string): string[] {
  const stored = readJson(dismissedKey(userId));
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** Whether a banner shows: must-read until acknowledged; any other until dismissed here. */
function isShown(notice: MyNotice, dismissed: readonly string[]): boolean {
  if (notice.mustRead) return isAwaitingAcknowledgement(notice, notice.acknowledgedAt);
  return !dismissed.includes(notice.id);
}

/**
 * What was just published, across the top of the agent's desk: "Jawaban diperbarui: Syarat PKH
 * (v3) — what changed", with Open to read it in a drawer. A must-read change stays, after reloads
 * and on every device, until the agent acknowledges it; any other may be put away (remembered on
 * this device).
 */
export function PublicationBanners({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const mine = useMyNotices();
  const acknowledge = useAcknowledgeNotice();
  const [dismissed, setDismissed] = useState(() => readDismissed(userId));
  const [openNoticeId, setOpenNoticeId] = useState<string | null>(null);
  const [isExpanded, setExpanded] = useState(false);
  const notices = mine.data?.notices ?? [];
  const shown = notices.filter((notice) => isShown(notice, dismissed));
  // Must-read first: they are what the agent may not skip.
  shown.sort((a, b) => Number(b.mustRead) - Number(a.mustRead));
  const visible = isExpanded ? shown : shown.slice(0, VISIBLE_BANNERS);
  const openNotice = notices.find((notice) => notice.id === openNoticeId) ?? null;

  const dismiss = (noticeIds: readonly string[]) => {
    // Only ids still listed are kept, so the stored list never grows without end.
    const listed = new Set(notices.map((notice) => notice.id));
    const next = [...dismissed.filter((id) => listed.has(id)), ...noticeIds];
    setDismissed(next);
    writeJson(dismissedKey(userId), next);
  };
  const dismissible = shown.filter((notice) => !notice.mustRead);

  const acknowledgeNotice = (notice: MyNotice) =>
    acknowledge.mutate(notice.id, {
      onSuccess: () => setOpenNoticeId((current) => (current === notice.id ? null : current)),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: noticeHeadline(notice, t),
          message: t('notices.acknowledgeFailed', { message: errorText(error, t) }),
        }),
    });

  return (
    <>
      <Box
        component="section"
        aria-label={t('notices.region')}
        aria-live="polite"
        data-testid="publication-banners"
      >
        {visible.length > 0 && (
          <Stack gap={0}>
            {visible.map((notice) => {
              const isMustRead = notice.mustRead;
              return (
                <Group
                  key={notice.id}
                  gap="xs"
                  wrap="nowrap"
                  px="sm"
                  py={4}
                  bg={isMustRead ? 'red.0' : 'blue.0'}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-3)',
                    borderLeft: `4px solid var(--mantine-color-${isMustRead ? 'red' : 'blue'}-6)`,
                  }}
                  data-testid="publication-banner"
                  data-must-read={isMustRead}
                >
                  <IconBook size={16} aria-hidden />
                  {isMustRead && (
                    <Badge size="xs" color="red" variant="filled">
                      {t('notices.mustRead')}
                    </Badge>
                  )}
                  <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
                    <Text span fw={650} size="sm">
                      {noticeHeadline(notice, t)}
                    </Text>
                    {notice.whatChanged !== null && ` — ${notice.whatChanged}`}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setOpenNoticeId(notice.id)}
                    data-testid="banner-open"
                  >
                    {t('notices.open')}
                  </Button>
                  {isMustRead ? (
                    <Button
                      size="compact-xs"
                      color="red"
                      loading={acknowledge.isPending && acknowledge.variables === notice.id}
                      onClick={() => acknowledgeNotice(notice)}
                      data-testid="banner-acknowledge"
                    >
                      {t('notices.acknowledge')}
                    </Button>
                  ) : (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={t('notices.dismiss', { title: notice.title })}
                      onClick={() => dismiss([notice.id])}
                      data-testid="banner-dismiss"
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              );
            })}
            {(shown.length > VISIBLE_BANNERS || dismissible.length > 1) && (
              <Group gap="xs" justify="center">
                {shown.length > VISIBLE_BANNERS && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setExpanded((value) => !value)}
                    data-testid="banner-more"
                  >
                    {isExpanded
                      ? t('notices.showFewer')
                      : t('notices.showMore', { count: shown.length - VISIBLE_BANNERS })}
                  </Button>
                )}
                {dismissible.length > 1 && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => dismiss(dismissible.map((notice) => notice.id))}
                    data-testid="banner-dismiss-all"
                  >
                    {t('notices.dismissAll')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        )}
      </Box>
      <Suspense fallback={null}>
        <NoticeDrawer
          notice={openNotice}
          onClose={() => setOpenNoticeId(null)}
          onAcknowledge={acknowledgeNotice}
          isAcknowledging={acknowledge.isPending}
        />
      </Suspense>
    </>
  );
}
