import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of a modal form: the failure, if any, then Cancel and the submit button. */
export function FormActions({
  failure,
  submitLabel,
  isPending,
  onCancel,
  submitTestId,
}: {
  failure: string | null;
  submitLabel: string;
  isPending: boolean;
  onCancel: () => void;
  submitTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {failure !== null && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={isPending} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
