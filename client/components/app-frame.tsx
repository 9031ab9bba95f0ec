import { Badge, Box, Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/schemas/user';
import { ConnectionBanner, ConnectionIndicator } from './connection-banner';
import { LanguageSwitch } from './language-switch';
import { OutboxIndicator } from './outbox-indicator';
import { useOutboxStore } from '../lib/outbox';

export const HEADER_HEIGHT = 52;

// Its code (Mantine's Modal) loads right after the first screen shows rather than before it; by
// the time someone signs out with unsent work, and may be offline, it is here.
const SignOutWarning = lazy(() =>
  import('./sign-out-warning').then((m) => ({ default: m.SignOutWarning })),
);

/** What the app shell hands every screen so it can draw the frame with its own controls. */
export interface FrameProps {
  user: User;
  onSignOut: () => void;
  isSigningOut: boolean;
  /** Switch between consoles, for roles that have more than one. */
  navigation?: ReactNode;
}

/**
 * The frame around every signed-in screen: a slim header (product, role-specific controls, who is
 * signed in, language, sign-out), the connection banner, and a body that fills the viewport so
 * panes scroll on their own.
 */
export function AppFrame({
  frame,
  toolbar,
  actions,
  children,
}: {
  frame: FrameProps;
  toolbar?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { user, onSignOut, isSigningOut, navigation } = frame;
  const unsentCount = useOutboxStore((state) => state.entries.length);
  const [isSignOutWarned, setSignOutWarned] = useState(false);
  // Unsent work stays on this device for this user only; say so before they leave.
  const requestSignOut = () => (unsentCount > 0 ? setSignOutWarned(true) : onSignOut());
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
      <Box
        component="header"
        px="md"
        style={{
          height: HEADER_HEIGHT,
          flex: `0 0 ${HEADER_HEIGHT}px`,
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          display: 'flex',
          alignItems: 'center',
          gap: 'var(--mantine-spacing-md)',
          background: 'var(--mantine-color-body)',
        }}
      >
        <Text fw={700} c="teal.8" size="lg">
          {t('app.name')}
        </Text>
        {navigation}
        <Box style={{ flex: 1, minWidth: 0 }}>{toolbar}</Box>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <OutboxIndicator />
          <ConnectionIndicator />
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} data-testid="current-user">
              {user.displayName}
            </Text>
            <Badge size="xs" variant="outline" color="gray">
              {t(`role.${user.role}`)}
            </Badge>
          </Group>
          {actions}
          <LanguageSwitch />
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconLogout size={14} aria-hidden />}
            onClick={requestSignOut}
            loading={isSigningOut}
            data-testid="sign-out"
          >
            {t('common.signOut')}
          </Button>
        </Group>
      </Box>
      <Suspense fallback={null}>
        <SignOutWarning
          opened={isSignOutWarned}
          unsentCount={unsentCount}
          onStay={() => setSignOutWarned(false)}
          onSignOut={() => {
            setSignOutWarned(false);
            onSignOut();
          }}
        />
      </Suspense>
      <ConnectionBanner />
      <Box component="main" aria-label={t('app.mainRegion')} style={{ flex: 1, minHeight: 0 }}>
        {children}
      </Box>
    </Box>
  );
}
