import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';
import { currentFactSeq, useLiveStore } from '../../../stores/live-store';
import { pruneWrapupDrafts } from '../hooks/use-wrapup-draft';
import { pruneUsedAnswers } from '../used-answers';

export const deskKeys = {
  all: ['desk'] as const,
  snapshot: () => [...deskKeys.all, 'snapshot'] as const,
};

/**
 * The agent's own work (status, offers, conversations, recent outcomes) read into the live store;
 * facts that arrive while the read is in flight are replayed on top of it.
 */
export function deskSnapshotQueryOptions() {
  return queryOptions({
    queryKey: deskKeys.snapshot(),
    queryFn: async ({ signal }) => {
      const since = currentFactSeq();
      const snapshot = await apiRequest(endpoints.desk, { signal });
      useLiveStore.getState().hydrateDesk(snapshot, since);
      const held = snapshot.conversations.map((conversation) => conversation.contact.id);
      pruneWrapupDrafts(snapshot.agent.id, held);
      pruneUsedAnswers(held);
      return snapshot;
    },
  });
}

export function useDeskSnapshot() {
  return useQuery(deskSnapshotQueryOptions());
}
