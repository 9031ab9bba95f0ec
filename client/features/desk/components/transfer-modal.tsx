import { Modal, NativeSelect, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import type { TransferMode } from '../../../../shared/schemas/offer';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useReferenceData } from '../../../lib/reference-data';
import { useTransfer } from '../api/desk-commands';

const NOTE_MAX = 500;

function TransferForm({
  contact,
  userId,
  onClose,
}: {
  contact: ContactSummary;
  userId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reference = useReferenceData();
  const transfer = useTransfer();
  const [kind, setKind] = useState<'queue' | 'agent'>('queue');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<TransferMode>('cold');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ target?: string; note?: string }>({});
  // One id per opened form: a retry after a lost answer transfers once.
  const [commandId] = useState(() => crypto.randomUUID());

  const targets =
    kind === 'queue'
      ? (reference.data?.queues ?? [])
          .filter((queue) => queue.id !== contact.queueId)
          .map((queue) => ({ value: queue.id, label: queue.name }))
      : (reference.data?.staff ?? [])
          .filter((member) => member.role === 'agent' && member.id !== userId)
          .map((member) => ({ value: member.id, label: member.displayName }));
  const effectiveMode: TransferMode = kind === 'queue' ? 'cold' : mode;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = note.trim();
    const nextErrors = {
      ...(target === '' ? { target: t('transfer.targetRequired') } : {}),
      ...(effectiveMode === 'warm' && trimmed === '' ? { note: t('transfer.noteRequired') } : {}),
    };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    transfer.mutate(
      {
        commandId,
        contactId: contact.id,
        to: kind === 'queue' ? { kind, queueId: target } : { kind, agentId: target },
        mode: effectiveMode,
        ...(trimmed === '' ? {} : { note: trimmed }),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: effectiveMode === 'warm' ? 'blue' : 'green',
            message: t(effectiveMode === 'warm' ? 'transfer.waiting' : 'transfer.done', {
              reference: contact.reference,
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
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(value) => {
            setKind(value as 'queue' | 'agent');
            setTarget('');
          }}
          data={[
            { value: 'queue', label: t('transfer.toQueue') },
            { value: 'agent', label: t('transfer.toAgent') },
          ]}
          data-testid="transfer-kind"
        />
        <NativeSelect
          label={t('transfer.target')}
          required
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
          error={errors.target}
          data-testid="transfer-target"
          data-autofocus
          data={[{ value: '', label: t('transfer.targetPlaceholder'), disabled: true }, ...targets]}
        />
        <NativeSelect
          label={t('transfer.mode')}
          description={kind === 'queue' ? t('transfer.warmOnlyAgent') : undefined}
          value={effectiveMode}
          disabled={kind === 'queue'}
          onChange={(event) => setMode(event.currentTarget.value as TransferMode)}
          data-testid="transfer-mode"
          data={[
            { value: 'cold', label: t('transfer.cold') },
            { value: 'warm', label: t('transfer.warm') },
          ]}
        />
        <Textarea
          label={t('transfer.note')}
          description={t('transfer.noteHint')}
          required={effectiveMode === 'warm'}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
          data-testid="transfer-note"
        />
        <FormActions
          failure={
            transfer.error === null
              ? null
              : t('transfer.failed', { message: errorText(transfer.error, t) })
          }
          submitLabel={t('transfer.submit')}
          isPending={transfer.isPending}
          onCancel={onClose}
          submitTestId="transfer-submit"
        />
      </Stack>
    </form>
  );
}

/** Passes the held conversation to a queue or an agent, cold or warm, with a note. */
export function TransferModal({
  contact,
  userId,
  onClose,
}: {
  contact: ContactSummary | null;
  userId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={contact !== null}
      onClose={onClose}
      title={contact === null ? '' : t('transfer.title', { reference: contact.reference })}
    >
      {contact !== null && (
        <TransferForm key={contact.id} contact={contact} userId={userId} onClose={onClose} />
      )}
    </Modal>
  );
}
