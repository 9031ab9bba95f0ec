import { Alert, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeskNotice } from '../../../stores/live-data';
import { useLiveStore } from '../../../stores/live-store';

function noticeText(notice: DeskNotice, t: TFunction): { title: string; body: string } {
  if (notice.kind === 'revoked') {
    return {
      title: t('desk.revokedTitle', { reference: notice.reference }),
      body: t('desk.revokedBody', {
        byName: notice.byName,
        toAgentName: notice.toAgentName,
        reason: notice.reason,
      }),
    };
  }
  const byName = notice.byName ?? t('common.none');
  return {
    title: t('desk.assignedTitle', { reference: notice.reference }),
    body:
      notice.note === null || notice.note.length === 0
        ? t('desk.assignedNoNote', { byName })
        : t('desk.assignedBody', { byName, note: notice.note }),
  };
}

/**
 * What a lead did to this agent's work: a conversation moved away (who, to whom, why) or moved
 * here (by whom, with what note). Shown in place until dismissed, and as a toast when it happens.
 */
export function DeskNotices() {
  const { t } = useTranslation();
  const notices = useLiveStore((state) => state.desk.notices);
  const dismiss = useLiveStore((state) => state.dismissNotice);
  const toasted = useRef(new Set<string>());

  useEffect(() => {
    for (const notice of notices) {
      if (toasted.current.has(notice.id)) continue;
      toasted.current.add(notice.id);
      const { title, body } = noticeText(notice, t);
      notifications.show({
        title,
        message: body,
        color: notice.kind === 'revoked' ? 'orange' : 'blue',
        autoClose: 10_000,
      });
    }
  }, [notices, t]);

  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="desk-notices">
      {notices.map((notice) => {
        const { title, body } = noticeText(notice, t);
        return (
          <Alert
            key={notice.id}
            color={notice.kind === 'revoked' ? 'orange' : 'blue'}
            title={title}
            icon={<IconArrowsExchange size={18} aria-hidden />}
            withCloseButton
            closeButtonLabel={t('common.dismiss')}
            onClose={() => dismiss(notice.id)}
            data-testid={`notice-${notice.kind}`}
          >
            {body}
          </Alert>
        );
      })}
    </Stack>
  );
}
