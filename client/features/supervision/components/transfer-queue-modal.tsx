import { Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queueDropRefusal, seenPlaceOf } from '../../../../shared/domain/lead-moves';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { useTransferToQueue } from '../api/supervision-commands';

const REASON_MAX = 300;

/** What opens the dialog: the conversation, and the queue it was dropped on (if dragged). */
export interface TransferRequest {
  contact: ContactSummary;
  toQueueId?: string;
}

function TransferForm({ request, onClose }: { request: TransferRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { contact } = request;
  const transfer = useTransferToQueue();
  const labels = useLabels();
  const queues = useReferenceData().data?.queues ?? [];
  const [toQueueId, setToQueueId] = useState(request.toQueueId ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ toQueueId?: string; reason?: string }>({});
  // One id per opened form: a retry after a lost answer moves the conversation once.
  const [commandId] = useState(() => crypto.randomUUID());
  // Where the lead saw it when they chose: if another lead moves it first, this is refused.
  const [seen] = useState(() => seenPlaceOf(contact));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = reason.trim();
    const nextErrors = {
      ...(toQueueId === '' ? { toQueueId: t('teamLead.move.targetQueueRequired') } : {}),
      ...(trimmed.length === 0 ? { reason: t('supervision.reasonRequired') } : {}),
    };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    transfer.mutate(
      { commandId, contactId: contact.id, toQueueId, reason: trimmed, seen },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('teamLead.move.done', {
              reference: contact.reference,
              queue: labels.queue(toQueueId),
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {contact.citizenName} · {labels.queue(contact.queueId)} ·{' '}
          {contact.assignedAgentName ?? t('supervision.unassigned')}
        </Text>
        <NativeSelect
          label={t('teamLead.move.targetQueue')}
          required
          value={toQueueId}
          onChange={(event) => setToQueueId(event.currentTarget.value)}
          error={errors.toQueueId}
          data-testid="transfer-target"
          data-autofocus
          data={[
            { value: '', label: t('teamLead.move.targetQueuePlaceholder'), disabled: true },
            ...queues.map((queue) => {
              const refusal = queueDropRefusal(contact, queue);
              return {
                value: queue.id,
                label:
                  refusal === null
                    ? queue.name
                    : `${queue.name} — ${t(`teamLead.move.refused.${refusal}`)}`,
                disabled: refusal !== null,
              };
            }),
          ]}
        />
        <Textarea
          label={t('supervision.reason')}
          description={t('teamLead.move.reasonHint')}
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          data-testid="transfer-reason"
        />
        <FormActions
          failure={
            transfer.error === null
              ? null
              : t('teamLead.move.failed', { message: errorText(transfer.error, t) })
          }
          submitLabel={t('teamLead.move.submit')}
          isPending={transfer.isPending}
          onCancel={onClose}
          submitTestId="transfer-submit"
        />
      </Stack>
    </form>
  );
}

/** Hands a conversation to another queue, with a required reason. */
export function TransferQueueModal({
  request,
  onClose,
}: {
  request: TransferRequest | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={
        request === null
          ? ''
          : t('teamLead.move.transferTitle', { reference: request.contact.reference })
      }
    >
      {request !== null && (
        <TransferForm
          key={`${request.contact.id}:${request.toQueueId ?? ''}`}
          request={request}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}
