import { Alert, Badge, Button, Center, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAwaitingAcknowledgement } from '../../../../shared/domain/publications';
import type { MyNotice } from '../../../../shared/schemas/publication';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../../../lib/format';
import { useNoticeAnswer } from '../api/notice-queries';
import { noticeHeadline } from '../notice-text';

function AnswerVersionText({ answerId, version }: { answerId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const answer = useNoticeAnswer(answerId);
  if (answer.isPending) {
    return (
      <Center h={120}>
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (answer.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(answer.error, t)}
      </Alert>
    );
  }
  const shown = answer.data.versions.find((v) => v.version === version);
  if (shown === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {t('notices.versionGone')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="notice-answer">
      {shown.status === 'retired' && (
        <Alert color="gray" p="xs">
          {t('notices.retiredSince')}
        </Alert>
      )}
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('notices.summary')}
        </Text>
        <Text size="sm">{shown.summary}</Text>
      </div>
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('notices.body')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {shown.body}
        </Text>
      </div>
      <Group gap={6}>
        <Badge size="sm" variant="light" color="gray">
          {shown.sourceArticle === null
            ? shown.sourceDocument
            : `${shown.sourceDocument} ${shown.sourceArticle}`}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('notices.effective', { from: formatDateTime(shown.effectiveFrom, i18n.language) })}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * The published change in full, beside the desk: the answer's text as it now stands (scripts
 * are shown in the conversation that uses them). A must-read change is acknowledged from here.
 */
export function NoticeDrawer({
  notice,
  onClose,
  onAcknowledge,
  isAcknowledging,
}: {
  notice: MyNotice | null;
  onClose: () => void;
  onAcknowledge: (notice: MyNotice) => void;
  isAcknowledging: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Drawer
      opened={notice !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={notice === null ? '' : noticeHeadline(notice, t)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {notice !== null && (
        <Stack gap="sm" data-testid="notice-drawer">
          <Text size="xs" c="dimmed">
            {t('notices.publishedBy', {
              name: notice.publishedByName,
              when: formatDateTime(notice.publishedAt, i18n.language),
            })}
          </Text>
          {notice.whatChanged !== null && (
            <Alert color="blue" p="xs" title={t('notices.whatChanged')}>
              {notice.whatChanged}
            </Alert>
          )}
          {notice.kind === 'answer' ? (
            <AnswerVersionText answerId={notice.itemId} version={notice.version} />
          ) : (
            <Text size="sm">{t('notices.scriptInConversation')}</Text>
          )}
          {isAwaitingAcknowledgement(notice, notice.acknowledgedAt) && (
            <Group justify="flex-end">
              <Button
                color="red"
                loading={isAcknowledging}
                onClick={() => onAcknowledge(notice)}
                data-testid="drawer-acknowledge"
              >
                {t('notices.acknowledge')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
