import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { CampaignBody, PolicyBody } from '../../../../shared/schemas/policy';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-queries';

/** Administrators write the catalog and campaigns; every change refreshes what shows them. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: policyKeys.all });
}

export function useSavePolicy() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PolicyBody }) =>
      id === null
        ? apiRequest(endpoints.createPolicy, { body })
        : apiRequest(endpoints.updatePolicy, { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function usePolicyTransition() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'published' | 'retired' }) =>
      apiRequest(to === 'published' ? endpoints.publishPolicy : endpoints.retirePolicy, {
        params: { id },
      }),
    onSuccess: refresh,
  });
}

export function useCampaigns(isAllowed: boolean) {
  return useQuery({
    queryKey: [...policyKeys.all, 'campaigns'],
    queryFn: ({ signal }) => apiRequest(endpoints.campaigns, { signal }),
    enabled: isAllowed,
  });
}

export function useCreateCampaign() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: CampaignBody) => apiRequest(endpoints.createCampaign, { body }),
    onSuccess: refresh,
  });
}

export function useStopCampaign() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (id: string) => apiRequest(endpoints.stopCampaign, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useApprovePublicQuestion() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ policyId, text }: { policyId: string; text: string }) =>
      apiRequest(endpoints.approvePublicQuestion, { params: { id: policyId }, body: { text } }),
    onSuccess: refresh,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiRequest(endpoints.units, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Published answers matching the words, to link to a policy. */
export function useAnswerOptions(words: string) {
  return useQuery({
    queryKey: [...policyKeys.all, 'answer-options', words],
    queryFn: ({ signal }) =>
      apiRequest(endpoints.knowledgeList, {
        query: { status: 'published', q: words === '' ? undefined : words, limit: '30' },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Scripts to link to a policy: every script the user may see, named by its latest version. */
export function useScriptOptions() {
  return useQuery({
    queryKey: [...policyKeys.all, 'script-options'],
    queryFn: ({ signal }) => apiRequest(endpoints.scripts, { signal }),
    staleTime: 60_000,
  });
}
