import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandPayload } from '../../../../shared/protocol/events';
import { endpoints } from '../../../../shared/protocol/http';
import type { PolicyPrompt, PolicyPromptList } from '../../../../shared/schemas/policy';
import { apiRequest } from '../../../lib/api-client';
import { sendCommand } from '../../../lib/socket';

export const policyKeys = {
  all: ['policies'] as const,
  catalog: () => [...policyKeys.all, 'catalog'] as const,
  prompts: (contactId: string) => [...policyKeys.all, 'prompts', contactId] as const,
  reports: () => [...policyKeys.all, 'report'] as const,
  report: (policyId: string, range: ReportRange) =>
    [...policyKeys.reports(), policyId, range.days, range.unit] as const,
  digests: () => [...policyKeys.all, 'digests'] as const,
};

export interface ReportRange {
  days: number;
  unit: 'day' | 'week';
}

export function useCatalog() {
  return useQuery(
    queryOptions({
      queryKey: policyKeys.catalog(),
      queryFn: ({ signal }) => apiRequest(endpoints.policies, { signal }),
      staleTime: 60_000,
    }),
  );
}

/** The policies to publish in one held conversation; refetched now and then as campaigns run. */
export function usePolicyPrompts(contactId: string) {
  return useQuery(
    queryOptions({
      queryKey: policyKeys.prompts(contactId),
      queryFn: ({ signal }) =>
        apiRequest(endpoints.policyPrompts, { params: { contactId }, signal }),
      staleTime: 30_000,
    }),
  );
}

const DAY = 86_400_000;

/** The range ends when the request is made, so a refetch after live activity includes it. */
function fetchReport(policyId: string, range: ReportRange, signal: AbortSignal) {
  const to = Date.now();
  return apiRequest(endpoints.policyReport, {
    params: { id: policyId },
    query: { from: String(to - range.days * DAY), to: String(to), unit: range.unit },
    signal,
  });
}

/** One policy's report over the last `days` days, ending now. */
export function usePolicyReport(policyId: string | null, range: ReportRange) {
  return useQuery(
    queryOptions({
      queryKey: policyKeys.report(policyId ?? '', range),
      queryFn: ({ signal }) => fetchReport(policyId ?? '', range, signal),
      enabled: policyId !== null,
    }),
  );
}

/** Where the CSV of the same report downloads from. */
export function reportCsvUrl(policyId: string, range: ReportRange): string {
  const to = Date.now();
  const params = new URLSearchParams({
    from: String(to - range.days * DAY),
    to: String(to),
    unit: range.unit,
  });
  return `${endpoints.policyReportCsv.path.replace(':id', encodeURIComponent(policyId))}?${params}`;
}

export function useDigests() {
  return useQuery(
    queryOptions({
      queryKey: policyKeys.digests(),
      queryFn: ({ signal }) => apiRequest(endpoints.policyDigests, { signal }),
    }),
  );
}

export function digestCsvUrl(id: string): string {
  return endpoints.policyDigestCsv.path.replace(':id', encodeURIComponent(id));
}

export type MarkSharedPayload = CommandPayload<'policy:mark-shared'>;

/** Shared or not; the acknowledged prompt replaces the cached one at once. */
export function useMarkShared() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: MarkSharedPayload) => sendCommand('policy:mark-shared', payload),
    onSuccess: (prompt: PolicyPrompt) => {
      queryClient.setQueryData<PolicyPromptList>(policyKeys.prompts(prompt.contactId), (old) =>
        old === undefined
          ? { prompts: [prompt] }
          : {
              prompts: old.prompts.map((p) => (p.policyId === prompt.policyId ? prompt : p)),
            },
      );
    },
  });
}
