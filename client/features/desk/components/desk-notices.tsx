import { Alert, Stack } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
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
  if (notice.kind === 'transfer-declined') {
    return {
      title: t('transfer.declinedTitle', { reference: notice.reference }),
      body: t('transfer.declinedBody', {
        toAgentName: notice.toAgentName,
        reason: t(`transfer.reason_${notice.reason}`),
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
 * What happened to this agent's work: a conversation moved away (who, to whom, why), moved here
 * (by whom, with what note), or a transfer not taken. Shown in place until dismissed; an alert
 * role announces it. No toast as well: a toast would cover the wrap-up button for seconds.
 */
export function DeskNotices() {
  const { t } = useTranslation();
  const notices = useLiveStore((state) => state.desk.notices);
  const dismiss = useLiveStore((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="desk-notices">
      {notices.map((notice) => {
        const { title, body } = noticeText(notice, t);
        return (
          <Alert
            key={notice.id}
            color={notice.kind === 'assigned' ? 'blue' : 'orange'}
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
