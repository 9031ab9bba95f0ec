import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../shared/protocol/http';
import { apiRequest } from '../lib/api-client';
import { currentFactSeq, useLiveStore } from '../stores/live-store';

export const queueMetricsKeys = {
  all: ['queue-metrics'] as const,
};

/** Reads the metrics snapshot into the live store; `queue:metrics-changed` keeps it current. */
export function queueMetricsQueryOptions() {
  return queryOptions({
    queryKey: queueMetricsKeys.all,
    queryFn: async ({ signal }) => {
      const since = currentFactSeq();
      const metrics = await apiRequest(endpoints.queueMetrics, { signal });
      useLiveStore.getState().hydrateQueueMetrics(metrics, since);
      return metrics;
    },
  });
}

export function useQueueMetrics() {
  const query = useQuery(queueMetricsQueryOptions());
  const queueMetrics = useLiveStore((state) => state.queueMetrics);
  return { queueMetrics, isLoading: query.isPending && queueMetrics === null, error: query.error };
}
