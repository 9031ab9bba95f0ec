import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sendCommand } from '../../../lib/socket';
import { currentFactSeq, useLiveStore } from '../../../stores/live-store';
import { supervisionKeys } from './supervision-queries';

/**
 * A lead joining an escalation follows the agent (`monitor:start`): the snapshot goes into the
 * live store's monitor, which facts keep current; leaving stops following. A query, so it is sent
 * again after a reconnect that lost the room.
 */
export function useFollowAgent(agentId: string | null) {
  const isConnected = useLiveStore((state) => state.connection === 'connected');
  useEffect(() => {
    if (agentId === null) return undefined;
    return () => {
      if (useLiveStore.getState().training.monitor.agentId === agentId) {
        useLiveStore.getState().clearMonitor();
      }
      sendCommand('monitor:stop', { agentId }).catch(() => {
        // Leaving anyway; the room goes with the socket at the latest.
      });
    };
  }, [agentId]);
  return useQuery({
    queryKey: [...supervisionKeys.all, 'follow', agentId] as const,
    queryFn: async () => {
      const since = currentFactSeq();
      const snapshot = await sendCommand('monitor:start', { agentId: agentId! });
      useLiveStore.getState().hydrateMonitor(snapshot, since);
      return snapshot;
    },
    enabled: agentId !== null && isConnected,
    staleTime: Infinity,
    gcTime: 0,
  });
}
