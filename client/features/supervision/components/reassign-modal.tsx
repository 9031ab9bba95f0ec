import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { agentDropRefusal } from '../../../../shared/domain/lead-moves';
import type { AgentView } from '../../../../shared/schemas/agent';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { errorText } from '../../../lib/error-text';
import { useLiveStore } from '../../../stores/live-store';
import { useReassign } from '../api/supervision-commands';
import { LeadMoveForm, LeadMoveModal } from './lead-move-form';

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

  const candidates = agentIds
    .map((id) => agents[id])
    .filter(
      (agent): agent is AgentView => agent !== undefined && agent.id !== contact.assignedAgentId,
    );

  return (
    <LeadMoveForm
      contact={contact}
      initialTargetId={request.toAgentId}
      summary={
        <Text size="sm">
          {contact.citizenName} · {contact.assignedAgentName ?? t('supervision.unassigned')}
        </Text>
      }
      targetLabel={t('supervision.targetAgent')}
      targetPlaceholder={t('supervision.targetPlaceholder')}
      targetRequired={t('supervision.targetRequired')}
      targetOptions={candidates.map((agent) => {
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
      })}
      reasonHint={t('supervision.reasonHint')}
      testIdPrefix="reassign"
      submitLabel={t('supervision.reassignSubmit')}
      failure={
        reassign.error === null
          ? null
          : t('supervision.reassignFailed', { message: errorText(reassign.error, t) })
      }
      isPending={reassign.isPending}
      onMove={({ commandId, targetId, reason, seen }) => {
        const target = agents[targetId];
        reassign.mutate(
          { commandId, contactId: contact.id, toAgentId: targetId, reason, seen },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('supervision.reassignDone', {
                  reference: contact.reference,
                  agent: target?.displayName ?? targetId,
                }),
              });
              onClose();
            },
          },
        );
      }}
      onClose={onClose}
    />
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
    <LeadMoveModal
      request={request}
      title={(opened) => t('supervision.reassignTitle', { reference: opened.contact.reference })}
      formKey={(opened) => `${opened.contact.id}:${opened.toAgentId ?? ''}`}
      onClose={onClose}
    >
      {(opened) => <ReassignForm request={opened} onClose={onClose} />}
    </LeadMoveModal>
  );
}
