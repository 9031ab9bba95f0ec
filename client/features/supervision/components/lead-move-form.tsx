import { Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { seenPlaceOf } from '../../../../shared/domain/lead-moves';
import type { ContactSummary, SeenPlace } from '../../../../shared/schemas/contact';
import { FormActions } from '../../../components/form-actions';

const REASON_MAX = 300;

/** A lead's move as the form hands it over once the target and the reason are filled in. */
export interface LeadMove {
  commandId: string;
  targetId: string;
  reason: string;
  seen: SeenPlace;
}

export interface LeadMoveTargetOption {
  value: string;
  label: string;
  disabled: boolean;
}

/**
 * The shape both lead moves share (to another agent, to another queue): where the conversation
 * is, the chosen target, a required reason, and the actions. The caller says what the target is
 * and sends the move.
 */
export function LeadMoveForm({
  contact,
  initialTargetId,
  summary,
  targetLabel,
  targetPlaceholder,
  targetRequired,
  targetOptions,
  reasonHint,
  testIdPrefix,
  submitLabel,
  failure,
  isPending,
  onMove,
  onClose,
}: {
  contact: ContactSummary;
  initialTargetId: string | undefined;
  summary: ReactNode;
  targetLabel: string;
  targetPlaceholder: string;
  targetRequired: string;
  targetOptions: LeadMoveTargetOption[];
  reasonHint: string;
  /** Test ids are `<prefix>-target`, `<prefix>-reason` and `<prefix>-submit`. */
  testIdPrefix: string;
  submitLabel: string;
  failure: string | null;
  isPending: boolean;
  onMove: (move: LeadMove) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [targetId, setTargetId] = useState(initialTargetId ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});
  // One id per opened form: a retry after a lost answer moves the conversation once.
  const [commandId] = useState(() => crypto.randomUUID());
  // Where the lead saw it when they chose: if another lead moves it first, this is refused.
  const [seen] = useState(() => seenPlaceOf(contact));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = reason.trim();
    const nextErrors = {
      ...(targetId === '' ? { target: targetRequired } : {}),
      ...(trimmed.length === 0 ? { reason: t('supervision.reasonRequired') } : {}),
    };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    onMove({ commandId, targetId, reason: trimmed, seen });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {summary}
        <NativeSelect
          label={targetLabel}
          required
          value={targetId}
          onChange={(event) => setTargetId(event.currentTarget.value)}
          error={errors.target}
          data-testid={`${testIdPrefix}-target`}
          data-autofocus
          data={[{ value: '', label: targetPlaceholder, disabled: true }, ...targetOptions]}
        />
        <Textarea
          label={t('supervision.reason')}
          description={reasonHint}
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          data-testid={`${testIdPrefix}-reason`}
        />
        <FormActions
          failure={failure}
          submitLabel={submitLabel}
          isPending={isPending}
          onCancel={onClose}
          submitTestId={`${testIdPrefix}-submit`}
        />
      </Stack>
    </form>
  );
}

/**
 * The dialog around a lead move, open while there is a request. A new `formKey` (another
 * conversation or another drop target) starts a fresh form, with a fresh command id.
 */
export function LeadMoveModal<Request>({
  request,
  title,
  formKey,
  onClose,
  children,
}: {
  request: Request | null;
  title: (request: Request) => string;
  formKey: (request: Request) => string;
  onClose: () => void;
  children: (request: Request) => ReactNode;
}) {
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={request === null ? '' : title(request)}
    >
      {request !== null && <Fragment key={formKey(request)}>{children(request)}</Fragment>}
    </Modal>
  );
}
