import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../shared/protocol/http';
import { apiRequest } from '../lib/api-client';
import { sharedKeys } from '../lib/reference-data';
import { currentFactSeq, useLiveStore } from '../stores/live-store';

/** Reads the queue snapshot into the live store; `queue:state-changed` facts keep it current. */
export function queueStateQueryOptions() {
  return queryOptions({
    queryKey: sharedKeys.queueState(),
    queryFn: async ({ signal }) => {
      const since = currentFactSeq();
      const queueState = await apiRequest(endpoints.queueState, { signal });
      useLiveStore.getState().hydrateQueue(queueState, since);
      return queueState;
    },
  });
}

export function useQueueState() {
  const query = useQuery(queueStateQueryOptions());
  const queueState = useLiveStore((state) => state.queueState);
  return { queueState, isLoading: query.isPending && queueState === null, error: query.error };
}
