import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingApproval } from '../../../../shared/schemas/coaching';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { useApprovals, useDecideApproval } from '../api/coaching-queries';

type Mode = 'view' | 'edit' | 'reject';

function ApprovalItem({ approval }: { approval: PendingApproval }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideApproval();
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState(approval.text);
  const [reason, setReason] = useState('');

  const run = (payload: Parameters<typeof decide.mutate>[0]) =>
    decide.mutate(payload, {
      onSuccess: (decided) =>
        notifications.show({
          color: decided.decision === 'approve' ? 'teal' : 'orange',
          message: t(
            decided.decision === 'approve'
              ? 'coaching.approvals.approved'
              : 'coaching.approvals.rejected',
            { reference: approval.reference },
          ),
        }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          message: t('coaching.approvals.failed', { message: errorText(error, t) }),
        }),
    });

  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="sm"
      style={{ borderColor: 'var(--mantine-color-orange-4)' }}
      data-testid="approval-item"
      data-message-id={approval.messageId}
    >
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {approval.agentName} · {approval.reference} · {formatTime(approval.at, i18n.language)}
        </Text>
        <Badge
          size="xs"
          color={approval.because === 'trainee' ? 'violet' : 'orange'}
          variant="light"
        >
          {approval.because === 'trainee'
            ? t('coaching.approvals.becauseTrainee')
            : t('coaching.approvals.becauseSegment', { segment: t(`segment.${approval.segment}`) })}
        </Badge>
      </Group>
      {mode === 'edit' ? (
        <Textarea
          mt={4}
          size="xs"
          autosize
          minRows={2}
          maxLength={4000}
          label={t('coaching.approvals.editLabel')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-testid="approval-edit-text"
        />
      ) : (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="approval-text">
          {approval.text}
        </Text>
      )}
      {mode === 'reject' && (
        <Textarea
          mt={4}
          size="xs"
          autosize
          minRows={1}
          maxLength={300}
          label={t('coaching.approvals.reasonLabel')}
          placeholder={t('coaching.approvals.reasonPlaceholder')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="approval-reason"
        />
      )}
      <Group gap={6} mt={6} justify="flex-end">
        {mode === 'view' && (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setMode('reject')}
              data-testid="approval-reject-open"
            >
              {t('coaching.approvals.reject')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setMode('edit')}
              data-testid="approval-edit-open"
            >
              {t('coaching.approvals.edit')}
            </Button>
            <Button
              size="compact-sm"
              color="teal"
              loading={decide.isPending}
              onClick={() => run({ messageId: approval.messageId, decision: 'approve' })}
              data-testid="approval-approve"
            >
              {t('coaching.approvals.approve')}
            </Button>
          </>
        )}
        {mode !== 'view' && (
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setMode('view')}>
            {t('coaching.approvals.cancel')}
          </Button>
        )}
        {mode === 'edit' && (
          <Button
            size="compact-sm"
            color="teal"
            loading={decide.isPending}
            disabled={text.trim() === ''}
            onClick={() =>
              run({ messageId: approval.messageId, decision: 'approve', text: text.trim() })
            }
            data-testid="approval-approve-edited"
          >
            {t('coaching.approvals.approveEdited')}
          </Button>
        )}
        {mode === 'reject' && (
          <Button
            size="compact-sm"
            color="red"
            loading={decide.isPending}
            disabled={reason.trim() === ''}
            onClick={() =>
              run({ messageId: approval.messageId, decision: 'reject', reason: reason.trim() })
            }
            data-testid="approval-reject"
          >
            {t('coaching.approvals.reject')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * Replies waiting for this approver, oldest first, live: approve, edit and approve, or reject
 * with a reason. `contactId` narrows to one conversation (beside the monitored transcript).
 */
export function ApprovalQueue({ contactId }: { contactId?: string }) {
  const { t } = useTranslation();
  const approvals = useApprovals();
  const list = (approvals.data ?? []).filter(
    (approval) => contactId === undefined || approval.contactId === contactId,
  );
  if (contactId !== undefined && list.length === 0) return null;
  return (
    <section
      aria-label={t('coaching.approvals.title', { count: list.length })}
      data-testid="approval-queue"
    >
      <Text
        fw={650}
        size="sm"
        component="h3"
        m={0}
        mb={6}
        c={list.length > 0 ? 'orange.9' : undefined}
      >
        {t('coaching.approvals.title', { count: list.length })}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coaching.approvals.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((approval) => (
            <ApprovalItem key={approval.messageId} approval={approval} />
          ))}
        </Stack>
      )}
    </section>
  );
}
