import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { queueDropRefusal } from '../../../../shared/domain/lead-moves';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { errorText } from '../../../lib/error-text';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { useTransferToQueue } from '../api/supervision-commands';
import { LeadMoveForm, LeadMoveModal } from './lead-move-form';

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

  return (
    <LeadMoveForm
      contact={contact}
      initialTargetId={request.toQueueId}
      summary={
        <Text size="sm">
          {contact.citizenName} · {labels.queue(contact.queueId)} ·{' '}
          {contact.assignedAgentName ?? t('supervision.unassigned')}
        </Text>
      }
      targetLabel={t('teamLead.move.targetQueue')}
      targetPlaceholder={t('teamLead.move.targetQueuePlaceholder')}
      targetRequired={t('teamLead.move.targetQueueRequired')}
      targetOptions={queues.map((queue) => {
        const refusal = queueDropRefusal(contact, queue);
        return {
          value: queue.id,
          label:
            refusal === null
              ? queue.name
              : `${queue.name} — ${t(`teamLead.move.refused.${refusal}`)}`,
          disabled: refusal !== null,
        };
      })}
      reasonHint={t('teamLead.move.reasonHint')}
      testIdPrefix="transfer"
      submitLabel={t('teamLead.move.submit')}
      failure={
        transfer.error === null
          ? null
          : t('teamLead.move.failed', { message: errorText(transfer.error, t) })
      }
      isPending={transfer.isPending}
      onMove={({ commandId, targetId, reason, seen }) =>
        transfer.mutate(
          { commandId, contactId: contact.id, toQueueId: targetId, reason, seen },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('teamLead.move.done', {
                  reference: contact.reference,
                  queue: labels.queue(targetId),
                }),
              });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    />
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
    <LeadMoveModal
      request={request}
      title={(opened) => t('teamLead.move.transferTitle', { reference: opened.contact.reference })}
      formKey={(opened) => `${opened.contact.id}:${opened.toQueueId ?? ''}`}
      onClose={onClose}
    >
      {(opened) => <TransferForm request={opened} onClose={onClose} />}
    </LeadMoveModal>
  );
}
