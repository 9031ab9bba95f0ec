import { Alert, Button, Center, Loader, SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  Suspense,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/schemas/user';
import type { FrameProps } from '../components/app-frame';
import { authKeys, useLogout, useMe } from '../features/auth/api/auth-queries';
import { LoginScreen } from '../features/auth/components/login-screen';
import { useCaseFacts } from '../features/cases/hooks/use-case-facts';
import { AppFrame } from '../components/app-frame';
import { knowledgeKeys } from '../features/desk/api/knowledge-queries';
import { authoringKeys } from '../features/knowledge/api/authoring-queries';
import { PublicationBanners } from '../features/publications/components/publication-banners';
import { useNoticeFacts } from '../features/publications/hooks/use-notice-facts';
import { errorText } from '../lib/error-text';
import { createQueryClient } from '../lib/query-client';
import { useLiveStore } from '../stores/live-store';
import {
  CannedResponseAdmin,
  CaseBoard,
  CasePanel,
  CitizensScreen,
  DeskScreen,
  EvaluationFormsScreen,
  KnowledgeAuthoringScreen,
  LeadConsole,
  LeadMessages,
  PoliciesScreen,
  PolicyFeedbackFields,
  PolicyPrompts,
  ReadershipPanel,
  ScriptsScreen,
  TrainerConsole,
} from './lazy-screens';
import { useLiveConnection } from './use-live-connection';
import { useOutboxSession } from './use-outbox-session';
import { deskCoachingSlots, leadApprovals, trainerCoachingSlots } from './coaching-slots';
import { useCoachingFacts } from '../features/coaching/hooks/use-coaching-facts';

/** The app's query client: any 401 on a read means the session ended, so show the login. */
export function createAppQueryClient() {
  const queryClient = createQueryClient(() => {
    queryClient.setQueryData(authKeys.me(), null);
  });
  return queryClient;
}

type ConsoleView =
  | 'supervision'
  | 'training'
  | 'cases'
  | 'knowledge'
  | 'scripts'
  | 'citizens'
  | 'canned'
  | 'policies'
  | 'evaluationForms';

/** The screens each role moves between; the first is where they start. */
const CONSOLE_VIEWS: Record<'lead' | 'admin' | 'trainer' | 'unit', readonly ConsoleView[]> = {
  lead: [
    'supervision',
    'training',
    'cases',
    'knowledge',
    'scripts',
    'citizens',
    'policies',
    'evaluationForms',
  ],
  // Administrators keep the canned responses (leads may not: docs/canned-responses.md).
  admin: [
    'supervision',
    'training',
    'cases',
    'knowledge',
    'scripts',
    'citizens',
    'canned',
    'policies',
    'evaluationForms',
  ],
  // Trainers and administrators build evaluation forms; leads read them (docs/training.md).
  trainer: ['training', 'knowledge', 'scripts', 'evaluationForms'],
  // Owning units: their hand-offs, and the reports of the policies they own (docs/policies.md).
  unit: ['cases', 'policies'],
};

/** Leads, administrators and trainers switch between their consoles from the frame. */
function ConsoleHome({ frame, role }: { frame: FrameProps; role: keyof typeof CONSOLE_VIEWS }) {
  const { t } = useTranslation();
  const views = CONSOLE_VIEWS[role];
  const [view, setView] = useState<ConsoleView>(views[0]!);
  const labels: Record<ConsoleView, string> = {
    supervision: t('nav.supervision'),
    training: t('nav.training'),
    cases: t('cases.board.title'),
    knowledge: t('authoring.nav'),
    scripts: t('scripts.title'),
    citizens: t('citizens.nav'),
    canned: t('replyTools.manage.title'),
    policies: t('policies.nav'),
    evaluationForms: t('evaluationForms.nav'),
  };
  // Administrators have many views: on a narrow screen the switch scrolls instead of pushing the
  // user, language and sign-out off the header.
  const navigationRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    navigationRef.current
      ?.querySelector('[data-active]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view]);
  const navigation = (
    <div
      ref={navigationRef}
      style={{ minWidth: 0, flex: '0 1 auto', overflowX: 'auto', scrollbarWidth: 'thin' }}
    >
      <SegmentedControl
        size="xs"
        aria-label={t('nav.label')}
        value={view}
        onChange={(value) =>
          // A transition keeps the current screen up while the next one's code loads.
          startTransition(() =>
            setView(views.find((candidate) => candidate === value) ?? views[0]!),
          )
        }
        data={views.map((value) => ({ value, label: labels[value] }))}
        data-testid="console-switch"
      />
    </div>
  );
  const withNavigation = { ...frame, navigation };
  switch (view) {
    case 'supervision':
      return (
        <LeadConsole
          frame={withNavigation}
          sidePanel={
            <>
              {leadApprovals}
              <ReadershipPanel user={withNavigation.user} />
            </>
          }
        />
      );
    case 'training':
      return <TrainerConsole frame={withNavigation} slots={trainerCoachingSlots(role)} />;
    case 'cases':
      return <CasesHome frame={withNavigation} />;
    case 'knowledge':
      return <KnowledgeAuthoringScreen frame={withNavigation} />;
    case 'scripts':
      // Trainers and administrators edit scripts; leads read them (docs/scripts.md).
      return <ScriptsScreen frame={withNavigation} />;
    case 'citizens':
      return <CitizensScreen frame={withNavigation} />;
    case 'canned':
      return <CannedResponsesHome frame={withNavigation} />;
    case 'policies':
      return <PoliciesScreen frame={withNavigation} />;
    case 'evaluationForms':
      return <EvaluationFormsScreen frame={withNavigation} />;
  }
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

function CannedResponsesHome({ frame }: { frame: FrameProps }) {
  return (
    <AppFrame frame={frame}>
      <div style={{ padding: 'var(--mantine-spacing-md)', overflowY: 'auto', height: '100%' }}>
        <CannedResponseAdmin />
      </div>
    </AppFrame>
  );
}

function SignedInApp({ user }: { user: User }) {
  useLiveConnection();
  useOutboxSession(user);
  useCaseFacts();
  useCoachingFacts(user);
  const queryClient = useQueryClient();
  // A publication changes what search finds and what the authoring list shows.
  const refreshKnowledge = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
    void queryClient.invalidateQueries({ queryKey: authoringKeys.all });
  }, [queryClient]);
  useNoticeFacts(user, refreshKnowledge);
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
              <Loading key={contact.id} inline>
                <CasePanel contactId={contact.id} callerName={contact.citizenName} user={user} />
              </Loading>
            ),
            followUps: (
              <Loading inline>
                <CaseBoard user={user} compact />
              </Loading>
            ),
            banner: (
              <>
                <PublicationBanners userId={user.id} />
                <Loading inline>
                  <LeadMessages user={user} />
                </Loading>
              </>
            ),
            renderPolicyPrompts: (conversation) => (
              <Loading inline>
                <PolicyPrompts {...conversation} />
              </Loading>
            ),
            renderWrapupExtras: (contactId) => (
              <Loading inline>
                <PolicyFeedbackFields contactId={contactId} />
              </Loading>
            ),
            ...deskCoachingSlots,
          }}
        />
      );
    case 'unit':
    case 'trainer':
    case 'lead':
    case 'admin':
      return <ConsoleHome frame={frame} role={user.role} />;
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
  return (
    <Loading>
      <SignedInApp key={me.data.id} user={me.data} />
    </Loading>
  );
}

/** Shown while a screen's code arrives (only the first time it opens). */
function Loading({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  const { t } = useTranslation();
  const spinner = <Loader size={inline ? 'sm' : 'md'} aria-label={t('app.loading')} />;
  return (
    <Suspense
      fallback={inline ? <Center p="md">{spinner}</Center> : <Center h="100dvh">{spinner}</Center>}
    >
      {children}
    </Suspense>
  );
}
