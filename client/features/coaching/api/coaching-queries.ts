/**
 * Coaching reads and commands (docs/training.md): whispers per conversation, replies waiting for
 * approval, a trainee's plan, evaluation forms and evaluations. Facts keep these fresh
 * (`useCoachingFacts`); commands carry a command id so a resend acts once.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandPayload } from '../../../../shared/protocol/events';
import { endpoints } from '../../../../shared/protocol/http';
import type { CoachingSettings, TraineePlan, Whisper } from '../../../../shared/schemas/coaching';
import { apiRequest } from '../../../lib/api-client';
import { sendCommand } from '../../../lib/socket';

export const coachingKeys = {
  all: ['coaching'] as const,
  whispers: (contactId: string) => [...coachingKeys.all, 'whispers', contactId] as const,
  approvals: () => [...coachingKeys.all, 'approvals'] as const,
  plan: (agentId: string) => [...coachingKeys.all, 'plan', agentId] as const,
  forms: () => [...coachingKeys.all, 'forms'] as const,
  evaluations: (agentId: string | null) =>
    [...coachingKeys.all, 'evaluations', agentId ?? 'mine'] as const,
  handlers: (contactId: string) => [...coachingKeys.all, 'handlers', contactId] as const,
  handled: (agentId: string) => [...coachingKeys.all, 'handled', agentId] as const,
};

export function whispersQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: coachingKeys.whispers(contactId),
    queryFn: async ({ signal }) =>
      (await apiRequest(endpoints.conversationWhispers, { params: { contactId }, signal }))
        .whispers,
  });
}

export function useWhispers(contactId: string) {
  return useQuery(whispersQueryOptions(contactId));
}

/** One entry per whisper id, oldest first. */
export function addWhisper(list: Whisper[] | undefined, whisper: Whisper): Whisper[] {
  const held = list ?? [];
  if (held.some((entry) => entry.id === whisper.id)) return held;
  return [...held, whisper].sort((a, b) => a.at - b.at);
}

export function useSendWhisper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: Omit<CommandPayload<'whisper:send'>, 'commandId'>) =>
      sendCommand('whisper:send', { ...payload, commandId: crypto.randomUUID() }),
    onSuccess: (whisper) =>
      queryClient.setQueryData(
        coachingKeys.whispers(whisper.contactId),
        (list: Whisper[] | undefined) => addWhisper(list, whisper),
      ),
  });
}

export function useApprovals(isEnabled = true) {
  return useQuery({
    queryKey: coachingKeys.approvals(),
    queryFn: async ({ signal }) =>
      (await apiRequest(endpoints.pendingApprovals, { signal })).approvals,
    enabled: isEnabled,
  });
}

export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: Omit<CommandPayload<'approval:decide'>, 'commandId'>) =>
      sendCommand('approval:decide', { ...payload, commandId: crypto.randomUUID() }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coachingKeys.approvals() }),
  });
}

export function useTraineePlan(agentId: string) {
  return useQuery({
    queryKey: coachingKeys.plan(agentId),
    queryFn: ({ signal }) => apiRequest(endpoints.traineePlan, { params: { agentId }, signal }),
  });
}

export function useReplaceTraineePlan(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: TraineePlan) =>
      apiRequest(endpoints.replaceTraineePlan, { params: { agentId }, body: plan }),
    onSuccess: (view) => queryClient.setQueryData(coachingKeys.plan(agentId), view),
  });
}

export function useEvaluationForms() {
  return useQuery({
    queryKey: coachingKeys.forms(),
    queryFn: async ({ signal }) => (await apiRequest(endpoints.evaluationForms, { signal })).forms,
    staleTime: 5 * 60_000,
  });
}

/** The conversations an agent took lately (held now, passed on or closed), newest first. */
export function useHandledConversations(agentId: string) {
  return useQuery({
    queryKey: coachingKeys.handled(agentId),
    queryFn: async ({ signal }) =>
      (await apiRequest(endpoints.handledConversations, { params: { agentId }, signal }))
        .conversations,
  });
}

/** The agents who held a conversation, marked whom the signed-in coach may evaluate. */
export function useConversationHandlers(contactId: string) {
  return useQuery({
    queryKey: coachingKeys.handlers(contactId),
    queryFn: async ({ signal }) =>
      (await apiRequest(endpoints.conversationHandlers, { params: { contactId }, signal }))
        .handlers,
  });
}

/** The signed-in agent's evaluations (`agentId` null), or one agent's for their coaches. */
export function useEvaluations(agentId: string | null) {
  return useQuery({
    queryKey: coachingKeys.evaluations(agentId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(endpoints.evaluations, {
          query: { agentId: agentId ?? undefined },
          signal,
        })
      ).evaluations,
  });
}

export function useSubmitEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: Omit<CommandPayload<'evaluation:submit'>, 'commandId'>) =>
      sendCommand('evaluation:submit', { ...payload, commandId: crypto.randomUUID() }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...coachingKeys.all, 'evaluations'] }),
  });
}

export function useAcknowledgeEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: Omit<CommandPayload<'evaluation:acknowledge'>, 'commandId'>) =>
      sendCommand('evaluation:acknowledge', { ...payload, commandId: crypto.randomUUID() }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...coachingKeys.all, 'evaluations'] }),
  });
}

export function useCoachingSettings() {
  return useQuery({
    queryKey: [...coachingKeys.all, 'settings'],
    queryFn: ({ signal }) => apiRequest(endpoints.coachingSettings, { signal }),
  });
}

export function useReplaceCoachingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: CoachingSettings) =>
      apiRequest(endpoints.replaceCoachingSettings, { body: settings }),
    onSuccess: (settings) => queryClient.setQueryData([...coachingKeys.all, 'settings'], settings),
  });
}
