import { Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentDropRefusal, seenPlaceOf } from '../../../../shared/domain/lead-moves';
import type { AgentView } from '../../../../shared/schemas/agent';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useLiveStore } from '../../../stores/live-store';
import { useReassign } from '../api/supervision-commands';

const REASON_MAX = 300;

/** What opens the dialog: the conversation, and the agent it was dropped on (if dragged). */
export interface ReassignRequest {
  contact: ContactSummary;
  toAgentId?: string;
}

function ReassignForm({ request, onClose }: { request: ReassignRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { contact } = request;
  const reassign = useReassign();
  const agentIds = useLiveStore((state) => state.board.agentIds);
  const agents = useLiveStore((state) => state.agents);
  const [toAgentId, setToAgentId] = useState(request.toAgentId ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ toAgentId?: string; reason?: string }>({});
  // One id per opened form: a retry after a lost answer moves the conversation once.
  const [commandId] = useState(() => crypto.randomUUID());
  // Where the lead saw it when they chose: if another lead moves it first, this is refused.
  const [seen] = useState(() => seenPlaceOf(contact));

  const candidates = agentIds
    .map((id) => agents[id])
    .filter(
      (agent): agent is AgentView => agent !== undefined && agent.id !== contact.assignedAgentId,
    );

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = reason.trim();
    const nextErrors = {
      ...(toAgentId === '' ? { toAgentId: t('supervision.targetRequired') } : {}),
      ...(trimmed.length === 0 ? { reason: t('supervision.reasonRequired') } : {}),
    };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    const target = agents[toAgentId];
    reassign.mutate(
      { commandId, contactId: contact.id, toAgentId, reason: trimmed, seen },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('supervision.reassignDone', {
              reference: contact.reference,
              agent: target?.displayName ?? toAgentId,
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
          {contact.citizenName} · {contact.assignedAgentName ?? t('supervision.unassigned')}
        </Text>
        <NativeSelect
          label={t('supervision.targetAgent')}
          required
          value={toAgentId}
          onChange={(event) => setToAgentId(event.currentTarget.value)}
          error={errors.toAgentId}
          data-testid="reassign-target"
          data-autofocus
          data={[
            { value: '', label: t('supervision.targetPlaceholder'), disabled: true },
            ...candidates.map((agent) => {
              const refusal = agentDropRefusal(contact, agent);
              return {
                value: agent.id,
                label: `${agent.displayName} — ${
                  refusal === null || refusal === 'offline'
                    ? t(`status.${agent.status}`)
                    : t(`teamLead.move.refused.${refusal}`)
                }`,
                // The server has the last word on room; offline is refused there too.
                disabled: refusal !== null,
              };
            }),
          ]}
        />
        <Textarea
          label={t('supervision.reason')}
          description={t('supervision.reasonHint')}
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          data-testid="reassign-reason"
        />
        <FormActions
          failure={
            reassign.error === null
              ? null
              : t('supervision.reassignFailed', { message: errorText(reassign.error, t) })
          }
          submitLabel={t('supervision.reassignSubmit')}
          isPending={reassign.isPending}
          onCancel={onClose}
          submitTestId="reassign-submit"
        />
      </Stack>
    </form>
  );
}

/** Moves a conversation to a chosen agent, with a required reason. */
export function ReassignModal({
  request,
  onClose,
}: {
  request: ReassignRequest | null;
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
          : t('supervision.reassignTitle', { reference: request.contact.reference })
      }
    >
      {request !== null && (
        <ReassignForm
          key={`${request.contact.id}:${request.toAgentId ?? ''}`}
          request={request}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}
