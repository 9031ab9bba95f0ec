import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../shared/protocol/http';
import { apiRequest } from '../lib/api-client';
import { sendCommand } from '../lib/socket';
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

let resyncing: Promise<void> | undefined;

/**
 * Reads the queue state again over the socket, after a pushed change did not build on what the
 * store holds: the node holding the socket answers with the view its changes build on (an HTTP
 * read may land on another node). One read at a time; changes that arrive meanwhile are replayed
 * over it.
 */
export function resyncQueueState(): Promise<void> {
  resyncing ??= (async () => {
    const since = currentFactSeq();
    const queueState = await sendCommand('queue:state-get', {});
    useLiveStore.getState().hydrateQueue(queueState, since);
  })().finally(() => {
    resyncing = undefined;
  });
  return resyncing;
}

export function useQueueState() {
  const query = useQuery(queueStateQueryOptions());
  const queueState = useLiveStore((state) => state.queueState);
  return { queueState, isLoading: query.isPending && queueState === null, error: query.error };
}
