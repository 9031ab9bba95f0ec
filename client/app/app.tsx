import { Alert, Button, Center, Loader, SegmentedControl } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/schemas/user';
import type { FrameProps } from '../components/app-frame';
import { authKeys, useLogout, useMe } from '../features/auth/api/auth-queries';
import { LoginScreen } from '../features/auth/components/login-screen';
import { CaseBoard } from '../features/cases/components/case-board';
import { CasePanel } from '../features/cases/components/case-panel';
import { useCaseFacts } from '../features/cases/hooks/use-case-facts';
import { AppFrame } from '../components/app-frame';
import { DeskScreen } from '../features/desk/components/desk-screen';
import { ScriptsScreen } from '../features/scripts/components/scripts-screen';
import { LeadConsole } from '../features/supervision/components/lead-console';
import { TrainerConsole } from '../features/training/components/trainer-console';
import { errorText } from '../lib/error-text';
import { createQueryClient } from '../lib/query-client';
import { useLiveStore } from '../stores/live-store';
import { useLiveConnection } from './use-live-connection';

/** The app's query client: any 401 on a read means the session ended, so show the login. */
export function createAppQueryClient() {
  const queryClient = createQueryClient(() => {
    queryClient.setQueryData(authKeys.me(), null);
  });
  return queryClient;
}

const LEAD_VIEWS = ['supervision', 'training', 'cases', 'scripts'] as const;
type LeadView = (typeof LEAD_VIEWS)[number];

/** Leads and admins have the lead console and may also use the trainer console. */
function LeadHome({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const [view, setView] = useState<LeadView>('supervision');
  const navigation = (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.label')}
      value={view}
      onChange={(value) => setView(LEAD_VIEWS.find((v) => v === value) ?? 'supervision')}
      data={[
        { value: 'supervision', label: t('nav.supervision') },
        { value: 'training', label: t('nav.training') },
        { value: 'cases', label: t('cases.board.title') },
        { value: 'scripts', label: t('scripts.title') },
      ]}
      data-testid="console-switch"
    />
  );
  const withNavigation = { ...frame, navigation };
  if (view === 'cases') return <CasesHome frame={withNavigation} />;
  // Administrators edit scripts; leads read them (docs/scripts.md).
  if (view === 'scripts') return <ScriptsScreen frame={withNavigation} />;
  return view === 'supervision' ? (
    <LeadConsole frame={withNavigation} />
  ) : (
    <TrainerConsole frame={withNavigation} />
  );
}

/** Trainers watch their trainees and write the guided scripts they teach. */
function TrainerHome({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'training' | 'scripts'>('training');
  const navigation = (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.label')}
      value={view}
      onChange={(value) => setView(value === 'scripts' ? 'scripts' : 'training')}
      data={[
        { value: 'training', label: t('nav.training') },
        { value: 'scripts', label: t('scripts.title') },
      ]}
      data-testid="console-switch"
    />
  );
  const withNavigation = { ...frame, navigation };
  return view === 'scripts' ? (
    <ScriptsScreen frame={withNavigation} />
  ) : (
    <TrainerConsole frame={withNavigation} />
  );
}

/** The follow-up board on its own: unit staff's inbox, and the leads' view of every case. */
function CasesHome({ frame }: { frame: FrameProps }) {
  return (
    <AppFrame frame={frame}>
      <div style={{ padding: 'var(--mantine-spacing-md)', overflowY: 'auto', height: '100%' }}>
        <CaseBoard user={frame.user} />
      </div>
    </AppFrame>
  );
}

function SignedInApp({ user }: { user: User }) {
  useLiveConnection();
  useCaseFacts();
  const logout = useLogout(() => useLiveStore.getState().reset());
  // Whatever ends the session, live state of this user must not outlive it.
  useEffect(() => () => useLiveStore.getState().reset(), []);
  const frame: FrameProps = {
    user,
    onSignOut: () => logout.mutate(),
    isSigningOut: logout.isPending,
  };
  switch (user.role) {
    case 'agent':
      return (
        <DeskScreen
          frame={frame}
          slots={{
            renderCasePanel: (contact) => (
              <CasePanel
                key={contact.id}
                contactId={contact.id}
                callerName={contact.citizenName}
                user={user}
              />
            ),
            followUps: <CaseBoard user={user} compact />,
          }}
        />
      );
    case 'unit':
      return <CasesHome frame={frame} />;
    case 'trainer':
      return <TrainerHome frame={frame} />;
    case 'lead':
    case 'admin':
      return <LeadHome frame={frame} />;
  }
}

/** Chooses the screen: login without a session, else the one that fits the user's role. */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100dvh">
        <Alert color="red" title={t('app.loadFailed')} role="alert">
          {errorText(me.error, t)}
          <div>
            <Button mt="sm" size="xs" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        </Alert>
      </Center>
    );
  }
  if (me.data === null) return <LoginScreen />;
  return <SignedInApp key={me.data.id} user={me.data} />;
}
