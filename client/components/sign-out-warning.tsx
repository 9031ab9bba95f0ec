import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asked before signing out with work still unsent: it stays on this device, for this user only. */
export function SignOutWarning({
  opened,
  unsentCount,
  onStay,
  onSignOut,
}: {
  opened: boolean;
  unsentCount: number;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title={t('outbox.signOut.title')}
      data-testid="sign-out-warning"
    >
      <Text size="sm">{t('outbox.signOut.body', { count: unsentCount })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onStay} data-autofocus>
          {t('outbox.signOut.stay')}
        </Button>
        <Button color="red" onClick={onSignOut} data-testid="sign-out-confirm">
          {t('outbox.signOut.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
