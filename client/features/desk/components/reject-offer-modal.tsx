import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../../shared/schemas/offer';
import { errorText } from '../../../lib/error-text';
import { useRejectOffer } from '../api/desk-commands';

const REASON_MAX = 200;

/** Asks for an optional reason, then rejects the offer. */
export function RejectOfferModal({ offer, onClose }: { offer: Offer | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={offer !== null}
      onClose={onClose}
      title={offer === null ? '' : t('desk.rejectTitle', { reference: offer.contact.reference })}
      size="sm"
    >
      {offer !== null && <RejectForm key={offer.id} offer={offer} onClose={onClose} />}
    </Modal>
  );
}

function RejectForm({ offer, onClose }: { offer: Offer; onClose: () => void }) {
  const { t } = useTranslation();
  const reject = useRejectOffer();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = reason.trim();
    reject.mutate(
      { offerId: offer.id, ...(trimmed.length > 0 ? { reason: trimmed } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label={t('desk.rejectReason')}
          placeholder={t('desk.rejectReasonHint')}
          value={reason}
          maxLength={REASON_MAX}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
          data-testid="offer-reject-reason"
        />
        {reject.error !== null && (
          <Alert color="red" role="alert">
            {t('desk.rejectFailed', { message: errorText(reject.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={reject.isPending}
            data-testid="offer-reject-confirm"
          >
            {t('desk.rejectConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
