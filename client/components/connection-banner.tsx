import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countOutbox, useOutboxStore } from '../lib/outbox';
import { useLiveStore } from '../stores/live-store';

/** Says so, in words and colour, when live updates are not flowing. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useLiveStore((state) => state.connection);
  const pending = useOutboxStore((state) => countOutbox(state.entries).pending);
  if (connection !== 'reconnecting' && connection !== 'refused') return null;
  return (
    <Alert
      color={connection === 'refused' ? 'red' : 'orange'}
      variant="filled"
      radius={0}
      py={6}
      icon={<IconPlugConnectedX size={18} aria-hidden />}
      role="alert"
      data-testid="connection-banner"
    >
      {connection === 'refused' ? t('connection.refused') : t('connection.reconnecting')}
      {pending > 0 && <> {t('outbox.pendingInBanner', { count: pending })}</>}
    </Alert>
  );
}

/** A small dot-and-word indicator for the header. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const connection = useLiveStore((state) => state.connection);
  const isConnected = connection === 'connected';
  return (
    <span
      data-testid="connection-indicator"
      data-connection={connection}
      style={{
        fontSize: 'var(--mantine-font-size-xs)',
        color: isConnected ? 'var(--mantine-color-green-8)' : 'var(--mantine-color-orange-8)',
        whiteSpace: 'nowrap',
      }}
    >
      {isConnected ? '● ' : '○ '}
      {isConnected ? t('connection.connected') : t('connection.connecting')}
    </span>
  );
}
