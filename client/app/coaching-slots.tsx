/**
 * Where coaching (features/coaching) slots into the desk and the trainer console, which know
 * nothing of it: whispers beside a conversation, approvals, a trainee's plan, evaluations.
 */
import { SimpleGrid, Stack } from '@mantine/core';
import { Suspense } from 'react';
import type { Role } from '../../shared/schemas/common';
import type { DeskSlots } from '../features/desk/components/desk-screen';
import type { TrainerSlots } from '../features/training/components/trainer-console';
import {
  ApprovalQueue as LazyApprovalQueue,
  CoachingSettingsForm as LazyCoachingSettingsForm,
  EvaluationPanel as LazyEvaluationPanel,
  MyEvaluations as LazyMyEvaluations,
  TraineePlanForm as LazyTraineePlanForm,
  WhisperPanel as LazyWhisperPanel,
} from './lazy-screens';

// Coaching code loads with the first screen that shows it; until then its place stays empty.
type Props<C> = C extends (props: infer P) => unknown ? P : never;
const WhisperPanel = (props: Props<typeof LazyWhisperPanel>) => (
  <Suspense fallback={null}>
    <LazyWhisperPanel {...props} />
  </Suspense>
);
const ApprovalQueue = (props: Props<typeof LazyApprovalQueue>) => (
  <Suspense fallback={null}>
    <LazyApprovalQueue {...props} />
  </Suspense>
);
const CoachingSettingsForm = () => (
  <Suspense fallback={null}>
    <LazyCoachingSettingsForm />
  </Suspense>
);
const EvaluationPanel = (props: Props<typeof LazyEvaluationPanel>) => (
  <Suspense fallback={null}>
    <LazyEvaluationPanel {...props} />
  </Suspense>
);
const MyEvaluations = () => (
  <Suspense fallback={null}>
    <LazyMyEvaluations />
  </Suspense>
);
const TraineePlanForm = (props: Props<typeof LazyTraineePlanForm>) => (
  <Suspense fallback={null}>
    <LazyTraineePlanForm {...props} />
  </Suspense>
);

export const deskCoachingSlots: Pick<DeskSlots, 'renderConversationCoaching' | 'evaluations'> = {
  renderConversationCoaching: (contactId) => <WhisperPanel key={contactId} contactId={contactId} />,
  evaluations: <MyEvaluations />,
};

/** Administrators also set which replies are held and whether trainee outcomes are reviewed. */
export const trainerCoachingSlots = (role: Role): TrainerSlots => ({
  approvals:
    role === 'admin' ? (
      <Stack gap="md">
        <ApprovalQueue />
        <CoachingSettingsForm />
      </Stack>
    ) : (
      <ApprovalQueue />
    ),
  renderConversationCoaching: ({ agentId, agentName, contactId }) => (
    <Stack gap="sm">
      <WhisperPanel contactId={contactId} whisperTo={{ agentId, name: agentName }} />
      <ApprovalQueue contactId={contactId} />
    </Stack>
  ),
  renderAgentCoaching: ({ agentId, agentName, isTrainee, conversation }) => (
    <SimpleGrid cols={isTrainee ? 2 : 1} spacing="md">
      {isTrainee && <TraineePlanForm agentId={agentId} agentName={agentName} />}
      <EvaluationPanel agentId={agentId} conversation={conversation} />
    </SimpleGrid>
  ),
});

/** Leads decide on held replies from their console's side list too. */
export const leadApprovals = <ApprovalQueue />;
