import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShortcutDescription {
  keys: string;
  label: string;
}

export function ShortcutHelp({
  opened,
  onClose,
  shortcuts,
}: {
  opened: boolean;
  onClose: () => void;
  shortcuts: ShortcutDescription[];
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="sm">
      <Stack gap="xs">
        {shortcuts.map((shortcut) => (
          <Group key={shortcut.keys} justify="space-between" wrap="nowrap">
            <Text size="sm">{shortcut.label}</Text>
            <Kbd>{shortcut.keys}</Kbd>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          {t('shortcuts.note')}
        </Text>
      </Stack>
    </Modal>
  );
}
