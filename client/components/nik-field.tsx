import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/protocol/http';
import { AccessReasonSchema } from '../../shared/schemas/citizen';
import { apiRequest } from '../lib/api-client';
import { errorText } from '../lib/error-text';

/**
 * The national ID number, masked. Revealing it asks why; the server logs who, when and why
 * before it answers (UU 27/2022), and the number is shown only until the conversation changes.
 */
export function NikField({
  citizenId,
  nikMasked,
  canReveal,
  defaultReason = '',
  onRevealed,
  showLabel = true,
}: {
  citizenId: string;
  nikMasked: string | null;
  canReveal: boolean;
  /** Offered in the reason box (the reason already given for this work); still editable. */
  defaultReason?: string;
  /** After the reveal was logged and answered. */
  onRevealed?: () => void;
  /** False where the field is already labelled (a table row). */
  showLabel?: boolean;
}) {
  const { t } = useTranslation();
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState(defaultReason);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: (why: string) =>
      apiRequest(endpoints.revealNik, { params: { id: citizenId }, body: { reason: why } }),
    onSuccess: () => onRevealed?.(),
  });
  if (nikMasked === null) return null;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = AccessReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setReasonError(t('caller.nik.reasonRequired'));
      return;
    }
    setReasonError(null);
    reveal.mutate(parsed.data, { onSuccess: () => setAsking(false) });
  };

  return (
    <div data-testid="nik-field">
      <Group gap="xs" wrap="nowrap">
        {showLabel && (
          <Text span size="sm" c="dimmed">
            {t('caller.nik.label')}:
          </Text>
        )}
        <Text span size="sm" ff="monospace" data-testid="nik-value">
          {reveal.data?.nik ?? nikMasked}
        </Text>
        {canReveal && reveal.data === undefined && !isAsking && (
          <Button size="compact-xs" variant="subtle" onClick={() => setAsking(true)}>
            {t('caller.nik.reveal')}
          </Button>
        )}
      </Group>
      {isAsking && (
        <form onSubmit={submit} noValidate>
          <Group gap="xs" align="flex-start" mt={4} wrap="nowrap">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              aria-label={t('caller.nik.reason')}
              placeholder={t('caller.nik.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError ?? (reveal.isError ? errorText(reveal.error, t) : null)}
              data-testid="nik-reason"
              autoFocus
            />
            <Button size="xs" type="submit" loading={reveal.isPending} data-testid="nik-reveal">
              {t('caller.nik.show')}
            </Button>
          </Group>
        </form>
      )}
    </div>
  );
}
