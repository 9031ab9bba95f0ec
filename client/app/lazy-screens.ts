import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Each role's screens load when first shown: the sign-in page and an agent's desk need none of
 * the consoles, and the first load must stay small on a slow office network (docs/performance.md).
 */
function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}

export const DeskScreen = onDemand(() =>
  import('../features/desk/components/desk-screen').then((m) => m.DeskScreen),
);
export const CasePanel = onDemand(() =>
  import('../features/cases/components/case-panel').then((m) => m.CasePanel),
);
export const CaseBoard = onDemand(() =>
  import('../features/cases/components/case-board').then((m) => m.CaseBoard),
);
export const LeadConsole = onDemand(() =>
  import('../features/supervision/components/lead-console').then((m) => m.LeadConsole),
);
export const ReadershipPanel = onDemand(() =>
  import('../features/publications/components/readership-panel').then((m) => m.ReadershipPanel),
);
export const TrainerConsole = onDemand(() =>
  import('../features/training/components/trainer-console').then((m) => m.TrainerConsole),
);
export const KnowledgeAuthoringScreen = onDemand(() =>
  import('../features/knowledge/components/knowledge-authoring-screen').then(
    (m) => m.KnowledgeAuthoringScreen,
  ),
);
export const ScriptsScreen = onDemand(() =>
  import('../features/scripts/components/scripts-screen').then((m) => m.ScriptsScreen),
);
export const EvaluationFormsScreen = onDemand(() =>
  import('../features/evaluation-forms/components/evaluation-forms-screen').then(
    (m) => m.EvaluationFormsScreen,
  ),
);
export const CitizensScreen = onDemand(() =>
  import('../features/citizens/components/citizens-screen').then((m) => m.CitizensScreen),
);
export const CannedResponseAdmin = onDemand(() =>
  import('../features/canned-responses/components/canned-response-admin').then(
    (m) => m.CannedResponseAdmin,
  ),
);
export const PoliciesScreen = onDemand(() =>
  import('../features/policies/components/policies-screen').then((m) => m.PoliciesScreen),
);
export const PolicyPrompts = onDemand(() =>
  import('../features/policies/components/policy-prompts').then((m) => m.PolicyPrompts),
);
export const PolicyFeedbackFields = onDemand(() =>
  import('../features/policies/components/policy-feedback-fields').then(
    (m) => m.PolicyFeedbackFields,
  ),
);
export const WhisperPanel = onDemand(() =>
  import('../features/coaching/components/whisper-panel').then((m) => m.WhisperPanel),
);
export const ApprovalQueue = onDemand(() =>
  import('../features/coaching/components/approval-queue').then((m) => m.ApprovalQueue),
);
export const CoachingSettingsForm = onDemand(() =>
  import('../features/coaching/components/coaching-settings-form').then(
    (m) => m.CoachingSettingsForm,
  ),
);
export const EvaluationPanel = onDemand(() =>
  import('../features/coaching/components/evaluation-panel').then((m) => m.EvaluationPanel),
);
export const MyEvaluations = onDemand(() =>
  import('../features/coaching/components/my-evaluations').then((m) => m.MyEvaluations),
);
export const TraineePlanForm = onDemand(() =>
  import('../features/coaching/components/trainee-plan-form').then((m) => m.TraineePlanForm),
);
export const LeadMessages = onDemand(() =>
  import('../features/lead-messages/components/lead-messages').then((m) => m.LeadMessages),
);
