/**
 * Where coaching (features/coaching) slots into the desk and the trainer console, which know
 * nothing of it: whispers beside a conversation, approvals, a trainee's plan, evaluations.
 */
import { SimpleGrid, Stack } from '@mantine/core';
import type { Role } from '../../shared/schemas/common';
import { ApprovalQueue } from '../features/coaching/components/approval-queue';
import { CoachingSettingsForm } from '../features/coaching/components/coaching-settings-form';
import { EvaluationPanel } from '../features/coaching/components/evaluation-panel';
import { MyEvaluations } from '../features/coaching/components/my-evaluations';
import { TraineePlanForm } from '../features/coaching/components/trainee-plan-form';
import { WhisperPanel } from '../features/coaching/components/whisper-panel';
import type { DeskSlots } from '../features/desk/components/desk-screen';
import type { TrainerSlots } from '../features/training/components/trainer-console';

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
