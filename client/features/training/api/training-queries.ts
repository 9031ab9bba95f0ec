import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';
import { sendCommand } from '../../../lib/socket';
import { currentFactSeq, useLiveStore } from '../../../stores/live-store';

export const trainingKeys = {
  all: ['training'] as const,
  trainees: () => [...trainingKeys.all, 'trainees'] as const,
  monitor: (agentId: string) => [...trainingKeys.all, 'monitor', agentId] as const,
};

export function traineesQueryOptions() {
  return queryOptions({
    queryKey: trainingKeys.trainees(),
    queryFn: async ({ signal }) => {
      const since = currentFactSeq();
      const { trainees } = await apiRequest(endpoints.trainees, { signal });
      useLiveStore.getState().hydrateTrainees(trainees, since);
      return trainees;
    },
  });
}

export function useTrainees() {
  return useQuery(traineesQueryOptions());
}

/**
 * Following an agent is a query whose read is the `monitor:start` command: the ack is the
 * snapshot, and the server puts this socket in the agent's monitor room. Being a query, it is
 * sent again after every reconnect (the new socket must rejoin the room) by the same
 * invalidation that refreshes every snapshot.
 */
export function monitorQueryOptions(agentId: string) {
  return queryOptions({
    queryKey: trainingKeys.monitor(agentId),
    queryFn: async () => {
      const since = currentFactSeq();
      const snapshot = await sendCommand('monitor:start', { agentId });
      useLiveStore.getState().hydrateMonitor(snapshot, since);
      return snapshot;
    },
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Stops are delayed a moment, so an immediate remount (React StrictMode) cancels them. */
const STOP_DELAY_MS = 250;
const pendingStops = new Map<string, ReturnType<typeof setTimeout>>();

function scheduleStop(agentId: string): void {
  pendingStops.set(
    agentId,
    setTimeout(() => {
      pendingStops.delete(agentId);
      if (useLiveStore.getState().training.monitor.agentId === agentId) {
        useLiveStore.getState().clearMonitor();
      }
      sendCommand('monitor:stop', { agentId }).catch(() => {
        // Leaving anyway; the server drops the room membership with the socket at the latest.
      });
    }, STOP_DELAY_MS),
  );
}

function cancelStop(agentId: string): void {
  const timer = pendingStops.get(agentId);
  if (timer !== undefined) {
    clearTimeout(timer);
    pendingStops.delete(agentId);
  }
}

/** Follows `agentId` while mounted (monitor:start), and stops following when left. */
export function useMonitor(agentId: string) {
  const isConnected = useLiveStore((state) => state.connection === 'connected');
  useEffect(() => {
    cancelStop(agentId);
    return () => scheduleStop(agentId);
  }, [agentId]);
  return useQuery({ ...monitorQueryOptions(agentId), enabled: isConnected });
}
