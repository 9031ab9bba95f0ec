import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decide } from '../../../../shared/domain/knowledge';
import { mayMarkMustRead } from '../../../../shared/domain/publications';
import type { AnswerVersion } from '../../../../shared/schemas/knowledge';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { useTransition, type WorkflowAction } from '../api/authoring-commands';

const ACTIONS: readonly WorkflowAction[] = ['submit', 'send_back', 'publish', 'retire'];

/**
 * The workflow steps this user may take on this version now, from the same rules the server
 * applies. Publishing one's own version shows as a disabled button saying why (four eyes); the
 * note goes with the step and, on publishing, is the line agents see in the banner.
 */
export function WorkflowActions({
  answerId,
  version,
  user,
  hasUnsavedChanges = false,
}: {
  answerId: string;
  version: AnswerVersion;
  user: User;
  /** The draft's form holds changes not saved: what would go for review is the saved text. */
  hasUnsavedChanges?: boolean;
}) {
  const { t } = useTranslation();
  const transition = useTransition(answerId);
  const [note, setNote] = useState('');
  const [isMustRead, setMustRead] = useState(false);
  const [isConfirmingRetire, setConfirmingRetire] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);

  const decisions = ACTIONS.map((action) => ({
    action,
    decision: decide({ status: version.status, authorId: version.authorId }, action, {
      id: user.id,
      role: user.role,
    }),
  }));
  const shown = decisions.filter(({ decision }) => decision.ok || decision.reason === 'own_work');
  if (shown.length === 0) return null;
  const canPublish = decisions.some((d) => d.action === 'publish' && d.decision.ok);

  const run = (action: WorkflowAction) => {
    if (action === 'send_back' && note.trim() === '') {
      setNoteError(t('authoring.sendBackNeedsNote'));
      return;
    }
    if (action === 'retire' && !isConfirmingRetire) {
      setConfirmingRetire(true);
      return;
    }
    setConfirmingRetire(false);
    transition.mutate(
      {
        action,
        version: version.version,
        note,
        ...(action === 'publish' && isMustRead ? { mustRead: true } : {}),
      },
      {
        onSuccess: () => {
          setNote('');
          setMustRead(false);
        },
      },
    );
  };

  return (
    <Stack gap={6} data-testid="workflow-actions">
      <Textarea
        label={t('authoring.note')}
        description={t('authoring.noteHint')}
        autosize
        minRows={1}
        maxRows={4}
        maxLength={500}
        value={note}
        error={noteError}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setNoteError(null);
        }}
        data-testid="workflow-note"
      />
      {canPublish && mayMarkMustRead(user.role) && (
        <Checkbox
          label={t('authoring.mustRead')}
          description={t('authoring.mustReadHint')}
          checked={isMustRead}
          onChange={(event) => setMustRead(event.currentTarget.checked)}
          data-testid="publish-must-read"
        />
      )}
      <Group gap="xs">
        {shown.map(({ action, decision }) => {
          const isOwnWork = !decision.ok;
          const isHeldBack = action === 'submit' && hasUnsavedChanges;
          const label =
            action === 'retire' && isConfirmingRetire
              ? t('authoring.confirmRetire')
              : t(`authoring.action.${action}`);
          return (
            <Button
              key={action}
              size="xs"
              variant={action === 'publish' ? 'filled' : 'light'}
              color={action === 'retire' || action === 'send_back' ? 'orange' : 'teal'}
              disabled={isOwnWork || isHeldBack}
              loading={transition.isPending && transition.variables?.action === action}
              onClick={() => run(action)}
              aria-describedby={
                isOwnWork ? 'own-work-reason' : isHeldBack ? 'unsaved-reason' : undefined
              }
              data-testid={`action-${action}`}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      {shown.some(({ decision }) => !decision.ok) && (
        <Text size="xs" c="dimmed" id="own-work-reason" data-testid="own-work-reason">
          {t('authoring.ownWork')}
        </Text>
      )}
      {hasUnsavedChanges && shown.some(({ action }) => action === 'submit') && (
        <Text size="xs" c="orange.8" id="unsaved-reason" data-testid="unsaved-reason">
          {t('authoring.saveBeforeSubmit')}
        </Text>
      )}
      {transition.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorText(transition.error, t)}
        </Alert>
      )}
    </Stack>
  );
}
