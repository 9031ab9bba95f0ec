import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentView } from '../../../../shared/schemas/agent';
import { errorText } from '../../../lib/error-text';
import { useForceStatus } from '../api/lead-queries';

export type ForcedTarget = 'available' | 'break' | 'training';

export interface ForceRequest {
  agent: AgentView;
  status: ForcedTarget;
  /** Lifting Not responding: the reason is prefilled. */
  isLift: boolean;
}

/** The lead confirms a status change for an agent with a reason the agent will read. */
export function ForceStatusModal({
  request,
  onClose,
}: {
  request: ForceRequest | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={request ? <ModalTitle request={request} /> : null}
    >
      {request && (
        <ForceStatusForm
          key={request.agent.id + request.status}
          request={request}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function ModalTitle({ request }: { request: ForceRequest }) {
  const { t } = useTranslation();
  return <>{t('teamLead.force.title', { name: request.agent.displayName })}</>;
}

function ForceStatusForm({ request, onDone }: { request: ForceRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const force = useForceStatus();
  // One id per form: a resend after a lost ack is answered with the first result.
  const [commandId] = useState(() => crypto.randomUUID());
  const [reason, setReason] = useState(request.isLift ? t('teamLead.force.liftReason') : '');
  const statusName = t(`status.${request.status}`);
  const submit = () =>
    force.mutate(
      { commandId, agentId: request.agent.id, status: request.status, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('teamLead.force.done', {
              name: request.agent.displayName,
              status: statusName,
            }),
          });
          onDone();
        },
      },
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('teamLead.force.to', { status: statusName })}</Text>
        <TextInput
          label={t('teamLead.force.reason')}
          value={reason}
          maxLength={300}
          required
          data-autofocus
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {force.isError && (
          <Text size="sm" c="red.8" role="alert">
            {t('teamLead.force.failed', { message: errorText(force.error, t) })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={reason.trim() === ''} loading={force.isPending}>
            {t('teamLead.force.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
