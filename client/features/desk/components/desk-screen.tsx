import { ActionIcon, Alert, Box, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKeyboard } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/schemas/common';
import type { Offer } from '../../../../shared/schemas/offer';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { CallerContextPanel } from '../../../components/caller-context';
import { LiveAnnouncer } from '../../../components/live-announcer';
import { ShortcutHelp } from '../../../components/shortcut-help';
import { useShortcuts } from '../../../lib/keyboard';
import { errorText } from '../../../lib/error-text';
import { useLabels } from '../../../lib/reference-data';
import { selectedConversation, useLiveStore } from '../../../stores/live-store';
import { useAcceptOffer } from '../api/desk-commands';
import { useDeskSnapshot } from '../api/desk-queries';
import { CONVERSATION_TITLE_ID, ConversationPane } from './conversation-pane';
import { KnowledgePanel } from './knowledge-panel';
import { MyWorkPane } from './my-work-pane';
import { isOfferLive } from './offer-list';
import { RejectOfferModal } from './reject-offer-modal';
import { StatusControl } from './status-control';

const paneStyle = {
  overflowY: 'auto',
  minHeight: 0,
  padding: 'var(--mantine-spacing-sm)',
} as const;

/** Polite announcement of the newest offer, for screen readers. */
function OfferAnnouncer() {
  const { t } = useTranslation();
  const labels = useLabels();
  const offer = useLiveStore((state) => state.desk.announcedOffer);
  const message =
    offer === null
      ? ''
      : t('desk.announceOffer', {
          reference: offer.contact.reference,
          channel: t(`channel.${offer.contact.channel}`),
          topic: labels.topic(offer.contact.topic),
          segment: t(`segment.${offer.contact.segment}`),
        });
  return <LiveAnnouncer message={message} />;
}

/** What the app slots into the desk from other features (cases), keeping features apart. */
export interface DeskSlots {
  /** Shown under the caller for the contact in hand. */
  renderCasePanel?: (contact: { id: string; citizenName: string }) => ReactNode;
  /** Shown in the left pane: my follow-ups, soonest breach first. */
  followUps?: ReactNode;
  /** Shown across the top of the desk, above the panes: what was just published. */
  banner?: ReactNode;
  /**
   * Shown above the transcript of each conversation: the policies to publish in it. On text
   * channels `appendToReply` adds text to the conversation's reply draft.
   */
  renderPolicyPrompts?: (conversation: {
    contactId: string;
    channel: Channel;
    appendToReply: (text: string) => void;
  }) => ReactNode;
  /** Shown in the wrap-up form under the notes (policy understanding feedback). */
  renderWrapupExtras?: (contactId: string) => ReactNode;
  /** Beside each held conversation: what a trainer or lead whispered about it. */
  renderConversationCoaching?: (contactId: string) => ReactNode;
  /** Shown in the left pane under my work: my evaluations to read and acknowledge. */
  evaluations?: ReactNode;
}

function CallerPane({ renderCasePanel }: Pick<DeskSlots, 'renderCasePanel'>) {
  const { t } = useTranslation();
  const caller = useLiveStore((state) => selectedConversation(state)?.caller ?? null);
  const contact = useLiveStore((state) => selectedConversation(state)?.contact ?? null);
  return (
    <>
      <Text fw={650} size="sm" component="h2" m={0} mb={6} c="dimmed">
        {t('caller.title')}
      </Text>
      {caller === null ? (
        <Text size="sm" c="dimmed">
          {t('caller.empty')}
        </Text>
      ) : (
        <CallerContextPanel caller={caller} canRevealNik />
      )}
      {contact !== null && renderCasePanel !== undefined && (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          {renderCasePanel({ id: contact.id, citizenName: contact.citizenName })}
        </div>
      )}
    </>
  );
}

/**
 * The agent desk: status in the top bar, then three panes — my work, the conversation, the
 * caller with the knowledge base. Keyboard: A accept, R reject, W wrap-up, K knowledge search,
 * [ and ] previous/next conversation, ? help.
 */
export function DeskScreen({ frame, slots = {} }: { frame: FrameProps; slots?: DeskSlots }) {
  const { t } = useTranslation();
  const snapshot = useDeskSnapshot();
  const agent = useLiveStore((state) =>
    state.desk.agentId === null ? undefined : state.agents[state.desk.agentId],
  );
  const accept = useAcceptOffer();
  const [rejecting, setRejecting] = useState<Offer | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const codeInputRef = useRef<HTMLSelectElement>(null);
  const knowledgeInputRef = useRef<HTMLInputElement>(null);

  const acceptOffer = (offer: Offer): void => {
    if (accept.isPending) return;
    accept.mutate(offer.id, {
      onSuccess: () => {
        // The agent asked for this conversation: take them to it.
        document.getElementById(CONVERSATION_TITLE_ID)?.focus();
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: offer.contact.reference,
          message: t('desk.acceptFailed', { message: errorText(error, t) }),
        }),
    });
  };

  const cycleConversation = (step: number): void => {
    const { desk, selectConversation } = useLiveStore.getState();
    const ids = desk.conversations.map((conversation) => conversation.contact.id);
    if (ids.length < 2) return;
    const index = desk.selectedContactId === null ? -1 : ids.indexOf(desk.selectedContactId);
    selectConversation(ids[(index + step + ids.length) % ids.length]!);
  };

  const firstLiveOffer = (): Offer | undefined => {
    const state = useLiveStore.getState();
    const serverNow = Date.now() + state.serverOffsetMs;
    return state.desk.offers.find((offer) => isOfferLive(offer, serverNow));
  };

  useShortcuts({
    a: () => {
      const offer = firstLiveOffer();
      if (offer !== undefined) acceptOffer(offer);
    },
    r: () => {
      const offer = firstLiveOffer();
      if (offer !== undefined) setRejecting(offer);
    },
    w: () => codeInputRef.current?.focus(),
    k: () => knowledgeInputRef.current?.focus(),
    '[': () => cycleConversation(-1),
    ']': () => cycleConversation(1),
    '?': () => setHelpOpen(true),
  });

  const shortcuts = [
    { keys: 'A', label: t('shortcuts.accept') },
    { keys: 'R', label: t('shortcuts.reject') },
    { keys: 'W', label: t('shortcuts.wrapup') },
    { keys: 'K', label: t('shortcuts.knowledge') },
    { keys: '/', label: t('replyTools.canned.shortcut') },
    { keys: '[ ]', label: t('shortcuts.switchConversation') },
    { keys: '?', label: t('shortcuts.help') },
  ];

  let body;
  if (snapshot.isPending && agent === undefined) {
    body = (
      <Center h="100%">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  } else if (snapshot.isError && agent === undefined) {
    body = (
      <Center h="100%">
        <Alert color="red" title={t('app.loadFailed')}>
          <Text size="sm">{errorText(snapshot.error, t)}</Text>
          <Button mt="sm" size="xs" onClick={() => void snapshot.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      </Center>
    );
  } else {
    body = (
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: '300px minmax(0, 1fr) 290px',
          height: '100%',
        }}
      >
        <Box
          component="section"
          aria-label={t('desk.workPane')}
          style={{ ...paneStyle, borderRight: '1px solid var(--mantine-color-gray-3)' }}
          bg="gray.0"
        >
          <MyWorkPane
            isTrainee={frame.user.isTrainee}
            acceptingOfferId={accept.isPending ? (accept.variables ?? null) : null}
            onAccept={acceptOffer}
            onReject={setRejecting}
            followUps={
              slots.evaluations === undefined ? (
                slots.followUps
              ) : (
                // Evaluations to acknowledge come first: they wait on the agent.
                <Stack gap="md">
                  {slots.evaluations}
                  {slots.followUps}
                </Stack>
              )
            }
          />
        </Box>
        <Box component="section" aria-labelledby={CONVERSATION_TITLE_ID} style={paneStyle}>
          <ConversationPane user={frame.user} codeInputRef={codeInputRef} slots={slots} />
        </Box>
        <Box
          component="section"
          aria-label={t('desk.callerPane')}
          style={{ ...paneStyle, borderLeft: '1px solid var(--mantine-color-gray-3)' }}
          bg="gray.0"
        >
          <CallerPane renderCasePanel={slots.renderCasePanel} />
          <Box mt="md">
            <KnowledgePanel inputRef={knowledgeInputRef} />
          </Box>
        </Box>
      </Box>
    );
  }

  return (
    <AppFrame
      frame={frame}
      toolbar={<StatusControl agent={agent} />}
      actions={
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('common.help')}
          title={`${t('common.help')} (?)`}
          onClick={() => setHelpOpen(true)}
          data-testid="help-button"
        >
          <IconKeyboard size={18} aria-hidden />
        </ActionIcon>
      }
    >
      <OfferAnnouncer />
      <Box style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        {slots.banner}
        <Box style={{ flex: 1, minHeight: 0 }}>{body}</Box>
      </Box>
      <RejectOfferModal offer={rejecting} onClose={() => setRejecting(null)} />
      <ShortcutHelp opened={isHelpOpen} onClose={() => setHelpOpen(false)} shortcuts={shortcuts} />
    </AppFrame>
  );
}
