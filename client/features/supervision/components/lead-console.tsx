import { Alert, Box, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { OutcomeList } from '../../../components/outcome-list';
import { errorText } from '../../../lib/error-text';
import { useLiveStore } from '../../../stores/live-store';
import { useBoard } from '../api/supervision-queries';
import { useLeadFacts } from '../hooks/use-lead-facts';
import { AgentsTable } from './agents-table';
import { AlertsPanel } from './alerts-panel';
import { AnnouncementPanel } from './announcement-panel';
import { EscalationsPanel } from './escalations-panel';
import type { ForceRequest } from './force-status-modal';
import { TeamWallboard } from './team-wallboard';
import { CallbackList } from './callback-list';
import { ConversationsTable } from './conversations-table';
import {
  ForceStatusModal,
  QueueHoursTable,
  QueueRoutingTable,
  ReassignModal,
  TransferQueueModal,
} from './on-demand-panels';
import { QueueDropZone } from './queue-drop-zone';
import type { ReassignRequest } from './reassign-modal';
import type { TransferRequest } from './transfer-queue-modal';

function RecentOutcomes() {
  const { t } = useTranslation();
  const outcomes = useLiveStore((state) => state.board.outcomes);
  return (
    <section aria-labelledby="recent-outcomes-title">
      <Text fw={650} size="sm" id="recent-outcomes-title" component="h2" m={0} mb={6}>
        {t('outcomes.title')}
      </Text>
      <OutcomeList records={outcomes} showAgent testId="recent-outcomes" />
    </section>
  );
}

/**
 * The lead's console: the team's wallboard first, then its agents (with status actions), the
 * queues to hand a conversation to, open conversations (dragged onto an agent row to reassign,
 * onto a queue to transfer; or by their buttons) and each queue's business hours; beside them, escalations, alerts and
 * announcements, then callback requests left after hours and recent outcomes.
 */
export function LeadConsole({
  frame,
  sidePanel,
}: {
  frame: FrameProps;
  /** Slotted in by the app at the top of the side column (e.g. who has read published changes). */
  sidePanel?: ReactNode;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const isLoaded = useLiveStore((state) => state.board.isLoaded);
  const [reassigning, setReassigning] = useState<ReassignRequest | null>(null);
  const [transferring, setTransferring] = useState<TransferRequest | null>(null);
  const [forcing, setForcing] = useState<ForceRequest | null>(null);
  useLeadFacts();

  let body;
  if (!isLoaded && board.isPending) {
    body = (
      <Center h="100%">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  } else if (!isLoaded && board.isError) {
    body = (
      <Center h="100%">
        <Alert color="red" title={t('app.loadFailed')} role="alert">
          {errorText(board.error, t)}
          <div>
            <Button mt="sm" size="xs" onClick={() => void board.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        </Alert>
      </Center>
    );
  } else {
    body = (
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', height: '100%' }}>
        <Box style={{ overflowY: 'auto', minHeight: 0 }} p="sm">
          <Stack gap="md">
            <TeamWallboard isAdmin={frame.user.role === 'admin'} />
            <AgentsTable
              onForce={setForcing}
              onDropConversation={(contact, toAgentId) => setReassigning({ contact, toAgentId })}
            />
            <QueueDropZone
              onDrop={(contact, toQueueId) => setTransferring({ contact, toQueueId })}
            />
            <ConversationsTable
              onReassign={(contact) => setReassigning({ contact })}
              onTransfer={(contact) => setTransferring({ contact })}
            />
            <QueueHoursTable canEdit={frame.user.role === 'admin'} />
            <QueueRoutingTable canEdit={frame.user.role === 'admin'} />
          </Stack>
        </Box>
        <Box
          style={{
            overflowY: 'auto',
            minHeight: 0,
            borderLeft: '1px solid var(--mantine-color-gray-3)',
          }}
          bg="gray.0"
          p="sm"
        >
          <Stack gap="md">
            <EscalationsPanel />
            <AlertsPanel />
            <AnnouncementPanel user={frame.user} />
            {sidePanel}
            <CallbackList />
            <RecentOutcomes />
          </Stack>
        </Box>
      </Box>
    );
  }

  return (
    <AppFrame frame={frame}>
      {body}
      <ReassignModal request={reassigning} onClose={() => setReassigning(null)} />
      <TransferQueueModal request={transferring} onClose={() => setTransferring(null)} />
      <ForceStatusModal request={forcing} onClose={() => setForcing(null)} />
    </AppFrame>
  );
}
