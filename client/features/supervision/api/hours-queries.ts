import {
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { QueueHoursSettings } from '../../../../shared/schemas/business-hours';
import { apiRequest } from '../../../lib/api-client';
import { supervisionKeys } from './supervision-queries';

/** Callback requests come from contacts at night and on weekends: a glance every half minute. */
const CALLBACKS_REFRESH_MS = 30_000;

export const hoursKeys = {
  all: [...supervisionKeys.all, 'hours'] as const,
  queue: (queueId: string) => [...hoursKeys.all, 'queue', queueId] as const,
  callbacks: () => [...supervisionKeys.all, 'callbacks'] as const,
};

export function queueHoursQueryOptions(queueId: string) {
  return queryOptions({
    queryKey: hoursKeys.queue(queueId),
    queryFn: ({ signal }) => apiRequest(endpoints.queueHours, { params: { id: queueId }, signal }),
    staleTime: 60_000,
  });
}

/** Each queue's hours, one small request per queue (a handful of queues). */
export function useQueuesHours(queueIds: readonly string[]) {
  return useQueries({ queries: queueIds.map((id) => queueHoursQueryOptions(id)) });
}

export function callbacksQueryOptions() {
  return queryOptions({
    queryKey: hoursKeys.callbacks(),
    queryFn: ({ signal }) => apiRequest(endpoints.callbacks, { signal }),
    refetchInterval: CALLBACKS_REFRESH_MS,
  });
}

export function useCallbacks() {
  return useQuery(callbacksQueryOptions());
}

/** An administrator replaces a queue's hours; the queue state follows by its own push. */
export function useReplaceQueueHours(queueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: QueueHoursSettings) =>
      apiRequest(endpoints.replaceQueueHours, { params: { id: queueId }, body: settings }),
    onSuccess: (hours) => queryClient.setQueryData(hoursKeys.queue(queueId), hours),
  });
}

/** Someone called the citizen back; the list drops the request. */
export function useCompleteCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(endpoints.completeCallback, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hoursKeys.callbacks() }),
  });
}
