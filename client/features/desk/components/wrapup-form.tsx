import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyFeedbackInput } from '../../../../shared/schemas/policy';
import type { UsedAnswerRef } from '../../../../shared/schemas/provenance';
import type { StaffMember, WrapupCode } from '../../../../shared/schemas/reference-data';
import { CaseFields } from '../../../components/case-fields';
import { emptyCaseForm, toCaseDraft, type CaseFormErrors } from '../../../lib/case-form';
import { AppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { useLiveStore } from '../../../stores/live-store';
import { fromDateTimeLocalValue } from '../../../lib/format';
import { useOutboxEntry } from '../../../lib/outbox';
import { toPolicyFeedbackPayload, usePolicyFeedback } from '../../../lib/policy-feedback';
import { useLogOutcome, type LogOutcomePayload } from '../api/desk-commands';
import { useWrapupDraft, wrapupDraftKey, type WrapupDraft } from '../hooks/use-wrapup-draft';
import { useUsedAnswers } from '../used-answers';
import { UsedAnswersList } from './used-answers-list';

export const NOTES_MAX = 5000;
const TITLE_MAX = 300;

interface WrapupErrors {
  wrapupCode?: string;
  notes?: string;
  followUpTitle?: string;
  followUpDue?: string;
  followUpOwnerId?: string;
  case?: CaseFormErrors;
}

type Validation = { ok: true; payload: LogOutcomePayload } | { ok: false; errors: WrapupErrors };

/**
 * Checks the draft and builds the `outcome:log` payload; follow-up only when it is shown. The
 * answers used in the conversation go with it as its provenance.
 */
export function validateWrapup(
  draft: WrapupDraft,
  contactId: string,
  isFollowUpShown: boolean,
  t: TFunction,
  callerName = '',
  usedAnswers: readonly UsedAnswerRef[] = [],
  policyFeedback: readonly PolicyFeedbackInput[] = [],
): Validation {
  const errors: WrapupErrors = {};
  if (draft.wrapupCode === null || draft.wrapupCode === '') {
    errors.wrapupCode = t('wrapup.codeRequired');
  }
  if (draft.notes.length > NOTES_MAX) errors.notes = t('wrapup.notesTooLong', { max: NOTES_MAX });
  const title = draft.followUpTitle.trim();
  const dueAt = fromDateTimeLocalValue(draft.followUpDue);
  if (isFollowUpShown) {
    if (title.length === 0 || title.length > TITLE_MAX) {
      errors.followUpTitle = t('wrapup.followUpTitleRequired');
    }
    if (dueAt === null) errors.followUpDue = t('wrapup.followUpDueRequired');
    if (draft.followUpOwnerId === null || draft.followUpOwnerId === '') {
      errors.followUpOwnerId = t('wrapup.followUpOwnerRequired');
    }
  }
  const caseResult = draft.caseEnabled
    ? toCaseDraft(draft.caseForm ?? emptyCaseForm(callerName))
    : undefined;
  if (caseResult !== undefined && !caseResult.ok) errors.case = caseResult.errors;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    payload: {
      commandId: draft.commandId,
      contactId,
      wrapupCode: draft.wrapupCode ?? '',
      notes: draft.notes,
      ...(isFollowUpShown
        ? {
            followUp: {
              title,
              dueAt: dueAt ?? 0,
              ownerId: draft.followUpOwnerId ?? '',
            },
          }
        : {}),
      ...(caseResult?.ok === true ? { case: caseResult.draft } : {}),
      usedAnswers: usedAnswers.map(({ answerId, version }) => ({ answerId, version })),
      ...(policyFeedback.length > 0 ? { policyFeedback: [...policyFeedback] } : {}),
    },
  };
}

/**
 * Wrap-up of the held conversation: code, notes, optional follow-up task. Everything typed is a
 * draft in localStorage until the server acknowledges the outcome; a submitted wrap-up waits in
 * the outbox (IndexedDB) until then.
 */
export function WrapupForm({
  contactId,
  userId,
  wrapupCodes,
  staff,
  codeInputRef,
  callerName = '',
  extras,
}: {
  /** What other features add under the notes (the policies' understanding feedback). */
  extras?: ReactNode;
  /** Prefills the requester of a case opened here. */
  callerName?: string;
  contactId: string;
  userId: string;
  wrapupCodes: WrapupCode[];
  staff: StaffMember[];
  codeInputRef?: Ref<HTMLSelectElement>;
}) {
  const { t, i18n } = useTranslation();
  const draftKey = wrapupDraftKey(userId, contactId);
  const { draft, update } = useWrapupDraft(draftKey, userId);
  const logOutcome = useLogOutcome();
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  // Several forms are mounted at once, one per conversation tab.
  const titleId = useId();

  const chosenCode = wrapupCodes.find((code) => code.code === draft.wrapupCode);
  const isFollowUpRequired = chosenCode?.needsFollowUp === true;
  const isFollowUpShown = isFollowUpRequired || draft.followUpEnabled;
  const usedAnswers = useUsedAnswers(contactId);
  const policyFeedback = toPolicyFeedbackPayload(usePolicyFeedback(contactId));
  const validation = validateWrapup(
    draft,
    contactId,
    isFollowUpShown,
    t,
    callerName,
    usedAnswers,
    policyFeedback,
  );
  const errors = hasTriedSubmit && !validation.ok ? validation.errors : {};
  const isEnglish = i18n.language === 'en';

  // The outbox keeps a submitted wrap-up on this device (across reloads) until the server has
  // it, resending with the same command id; the conversation closes only with the server's ack.
  const queued = useOutboxEntry(draft.commandId);
  const isQueued = queued?.status === 'pending';
  const isConnected = useLiveStore((state) => state.connection === 'connected');
  const isWaitingToResend = isQueued && (!isConnected || queued.lastError !== null);
  const refusal =
    logOutcome.error ??
    (queued?.status === 'failed' && queued.lastError !== null
      ? new AppError(queued.lastError.code, queued.lastError.message)
      : null);

  const send = (payload: LogOutcomePayload): void => {
    logOutcome.mutate(payload);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setHasTriedSubmit(true);
    if (!validation.ok || isQueued) return;
    send(validation.payload);
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate data-testid="wrapup-form">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="sm" id={titleId}>
              {t('wrapup.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('wrapup.draftKept')}
            </Text>
          </Group>
          <NativeSelect
            ref={codeInputRef}
            label={t('wrapup.code')}
            required
            value={draft.wrapupCode ?? ''}
            onChange={(event) => update({ wrapupCode: event.currentTarget.value || null })}
            error={errors.wrapupCode}
            data-testid="wrapup-code"
            data={[
              { value: '', label: t('wrapup.codePlaceholder'), disabled: true },
              ...wrapupCodes.map((code) => ({
                value: code.code,
                label: isEnglish ? code.labelEn : code.labelId,
              })),
            ]}
          />
          <Textarea
            label={t('wrapup.notes')}
            placeholder={t('wrapup.notesPlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            value={draft.notes}
            onChange={(event) => update({ notes: event.currentTarget.value })}
            error={errors.notes}
            data-testid="wrapup-notes"
          />
          <UsedAnswersList contactId={contactId} />
          {extras}
          <Checkbox
            label={t('wrapup.followUpToggle')}
            description={isFollowUpRequired ? t('wrapup.followUpNeeded') : undefined}
            checked={isFollowUpShown}
            disabled={isFollowUpRequired}
            onChange={(event) => update({ followUpEnabled: event.currentTarget.checked })}
            data-testid="wrapup-followup-toggle"
          />
          {isFollowUpShown && (
            <Stack gap="xs" data-testid="followup-section">
              <TextInput
                label={t('wrapup.followUpTitle')}
                required
                value={draft.followUpTitle}
                onChange={(event) => update({ followUpTitle: event.currentTarget.value })}
                error={errors.followUpTitle}
                maxLength={TITLE_MAX}
                data-testid="followup-title"
              />
              <SimpleGrid cols={2} spacing="xs">
                <TextInput
                  type="datetime-local"
                  label={t('wrapup.followUpDue')}
                  required
                  value={draft.followUpDue}
                  onChange={(event) => update({ followUpDue: event.currentTarget.value })}
                  error={errors.followUpDue}
                  data-testid="followup-due"
                />
                <NativeSelect
                  label={t('wrapup.followUpOwner')}
                  required
                  value={draft.followUpOwnerId ?? ''}
                  onChange={(event) =>
                    update({ followUpOwnerId: event.currentTarget.value || null })
                  }
                  error={errors.followUpOwnerId}
                  data-testid="followup-owner"
                  data={[
                    { value: '', label: t('wrapup.followUpOwnerPlaceholder'), disabled: true },
                    ...staff.map((member) => ({ value: member.id, label: member.displayName })),
                  ]}
                />
              </SimpleGrid>
            </Stack>
          )}
          <Checkbox
            label={t('cases.wrapupToggle')}
            checked={draft.caseEnabled}
            onChange={(event) => update({ caseEnabled: event.currentTarget.checked })}
            data-testid="wrapup-case-toggle"
          />
          {draft.caseEnabled && (
            <CaseFields
              value={draft.caseForm ?? emptyCaseForm(callerName)}
              errors={errors.case ?? {}}
              onChange={(change) =>
                update({
                  caseForm: { ...(draft.caseForm ?? emptyCaseForm(callerName)), ...change },
                })
              }
              testIdPrefix="wrapup-case"
            />
          )}
          {isWaitingToResend && (
            <Alert color="orange" role="status" data-testid="wrapup-pending">
              {t('outbox.wrapup.saved')}
            </Alert>
          )}
          {refusal !== null && !isQueued && (
            <Alert
              color="red"
              icon={<IconAlertCircle size={18} aria-hidden />}
              role="alert"
              data-testid="wrapup-error"
            >
              {t('wrapup.failed', { message: errorText(refusal, t) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={isQueued} data-testid="wrapup-submit">
              {t('wrapup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
