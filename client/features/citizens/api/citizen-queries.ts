import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { CitizenProfile, UpdateCitizenBody } from '../../../../shared/schemas/citizen';
import { apiRequest } from '../../../lib/api-client';

/**
 * Citizen profiles for leads and administrators. Every read here is logged on the server with
 * the reason given, so nothing refetches on its own: a profile is read when it is opened, and
 * again only after a change to it.
 */
export const citizenKeys = {
  all: ['citizens'] as const,
  search: (q: string, reason: string) => [...citizenKeys.all, 'search', q, reason] as const,
  profile: (id: string) => [...citizenKeys.all, 'profile', id] as const,
  accessLog: (id: string) => [...citizenKeys.all, 'access-log', id] as const,
};

const READ_ONCE = {
  staleTime: Infinity,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: false,
} as const;

export function citizenSearchQueryOptions(q: string, reason: string) {
  return queryOptions({
    queryKey: citizenKeys.search(q, reason),
    queryFn: ({ signal }) => apiRequest(endpoints.citizenSearch, { query: { q, reason }, signal }),
    enabled: q.length > 0 && reason.length > 0,
    ...READ_ONCE,
  });
}

/** Runs when `q` is submitted (never as the lead types: each search is logged). */
export function useCitizenSearch(q: string, reason: string) {
  return useQuery(citizenSearchQueryOptions(q, reason));
}

export function citizenProfileQueryOptions(id: string, reason: string) {
  return queryOptions({
    // The reason is not part of the key: changing it must not read (and log) the profile again.
    queryKey: citizenKeys.profile(id),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.citizenProfile, { params: { id }, query: { reason }, signal }),
    ...READ_ONCE,
    // Opening the profile again later is another look, read and logged again.
    gcTime: 0,
  });
}

export function useCitizenProfile(id: string | null, reason: string) {
  return useQuery({ ...citizenProfileQueryOptions(id ?? '', reason), enabled: id !== null });
}

export function useCitizenAccessLog(id: string) {
  return useQuery({
    queryKey: citizenKeys.accessLog(id),
    queryFn: ({ signal }) => apiRequest(endpoints.citizenAccessLog, { params: { id }, signal }),
    // The log grows with every look; reading it logs nothing, so it may refresh.
    staleTime: 0,
  });
}

function useProfileWritten() {
  const queryClient = useQueryClient();
  return (profile: CitizenProfile) => {
    queryClient.setQueryData(citizenKeys.profile(profile.id), profile);
    void queryClient.invalidateQueries({ queryKey: citizenKeys.accessLog(profile.id) });
  };
}

export function useUpdateCitizen(id: string, reason: string) {
  const written = useProfileWritten();
  return useMutation({
    mutationFn: (change: UpdateCitizenBody) =>
      apiRequest(endpoints.updateCitizen, { params: { id }, query: { reason }, body: change }),
    onSuccess: written,
  });
}

export function useRevealNik(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest(endpoints.revealNik, { params: { id }, body: { reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: citizenKeys.accessLog(id) }),
  });
}

export function useMergeCitizens() {
  const queryClient = useQueryClient();
  const written = useProfileWritten();
  return useMutation({
    mutationFn: (merge: { survivorId: string; otherId: string; reason: string }) =>
      apiRequest(endpoints.mergeCitizens, {
        params: { id: merge.survivorId },
        body: { otherCitizenId: merge.otherId, reason: merge.reason },
      }),
    onSuccess: (survivor, merge) => {
      written(survivor);
      queryClient.removeQueries({ queryKey: citizenKeys.profile(merge.otherId) });
      // Results listing the merged profile are out of date: the one on screen is read again
      // (a new, logged search), the others when next asked.
      void queryClient.invalidateQueries({ queryKey: [...citizenKeys.all, 'search'] });
      void queryClient.invalidateQueries({ queryKey: citizenKeys.accessLog(merge.otherId) });
    },
  });
}
