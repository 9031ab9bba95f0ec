import { Box, Center, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { SideListPane } from '../../../components/side-list-pane';
import { QueryState } from '../../../components/query-state';
import { useTrainees } from '../api/training-queries';
import { MonitorView, type MonitorSlots } from './monitor-view';
import { TraineeList } from './trainee-list';

/** What the app slots into the trainer console from coaching. */
export interface TrainerSlots extends MonitorSlots {
  /** Under the trainees: every reply waiting for this approver. */
  approvals?: ReactNode;
}

/** Trainees on the left; the chosen one's work mirrored, read-only, on the right. */
export function TrainerConsole({ frame, slots = {} }: { frame: FrameProps; slots?: TrainerSlots }) {
  const { t } = useTranslation();
  const trainees = useTrainees();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const list = (
    <QueryState query={trainees}>
      {() => <TraineeList selectedId={selectedId} onSelect={setSelectedId} />}
    </QueryState>
  );

  return (
    <AppFrame frame={frame}>
      <Box style={{ display: 'grid', gridTemplateColumns: '300px minmax(0, 1fr)', height: '100%' }}>
        <SideListPane>
          {list}
          {slots.approvals !== undefined && <Box mt="md">{slots.approvals}</Box>}
        </SideListPane>
        <Box style={{ overflowY: 'auto', minHeight: 0 }} p="sm">
          {selectedId === null ? (
            <Center h="100%">
              <Text c="dimmed">{t('training.selectPrompt')}</Text>
            </Center>
          ) : (
            <MonitorView
              key={selectedId}
              agentId={selectedId}
              onStop={() => setSelectedId(null)}
              slots={slots}
            />
          )}
        </Box>
      </Box>
    </AppFrame>
  );
}
