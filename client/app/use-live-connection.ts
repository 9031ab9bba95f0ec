import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  connectSocket,
  disconnectSocket,
  subscribeToConnection,
  subscribeToFacts,
} from '../lib/socket';
import { subscribeToGaps, useLiveStore } from '../stores/live-store';
import { authKeys } from '../features/auth/api/auth-queries';
import { resyncQueueState } from '../components/use-queue-state';
import { sharedKeys } from '../lib/reference-data';

/** Delay before reopening a socket the server closed, so a restart loop cannot spin. */
const SERVER_CLOSE_RETRY_MS = 2_000;
const REFUSED_RETRY_MS = 15_000;
/** Gaps seen within this window cost one refetch, not one each. */
export const GAP_RESYNC_DEBOUNCE_MS = 500;

/**
 * Owns the live connection for a signed-in session: opens the socket, feeds facts into the live
 * store, and refetches the snapshots on the first connection and after every reconnect that
 * connection state recovery did not cover (then facts sent while we were away are lost). A
 * recovered reconnect replayed them, so nothing is read again. A gap in a +1 stream also reads
 * the snapshots again, debounced. A refused socket means the session is gone.
 */
export function useLiveConnection(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useLiveStore.getState;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const refetchSnapshots = (): void => {
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== authKeys.all[0],
      });
    };

    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const offGaps = subscribeToGaps((targets) => {
      if (targets.includes('queue')) {
        // At once: a queue figure is stale until it lands. Failing that, the HTTP read.
        resyncQueueState().catch(
          () => void queryClient.invalidateQueries({ queryKey: sharedKeys.queueState() }),
        );
      }
      if (targets.every((target) => target === 'queue')) return;
      clearTimeout(gapTimer);
      gapTimer = setTimeout(refetchSnapshots, GAP_RESYNC_DEBOUNCE_MS);
    });
    const offFacts = subscribeToFacts((event) => {
      if (event.name === 'queue:state-changed') store().noteServerTime(event.fact.at, Date.now());
      store().ingestFact(event);
    });
    const offConnection = subscribeToConnection((event) => {
      switch (event.type) {
        case 'connecting':
          store().setConnection('connecting');
          break;
        case 'connected':
          store().setConnection('connected');
          // Also on the first connection: it closes the gap between the first reads and joining
          // the rooms. A recovered reconnect got every fact it missed replayed (rooms included).
          if (!(event.isReconnect && event.isRecovered)) refetchSnapshots();
          break;
        case 'disconnected':
          if (event.reason === 'io client disconnect') {
            store().setConnection('idle');
          } else {
            store().setConnection('reconnecting');
            if (event.reason === 'io server disconnect') {
              // The server closed us and socket.io will not retry: check the session, then retry.
              void queryClient.invalidateQueries({ queryKey: authKeys.me() });
              retryTimer = setTimeout(connectSocket, SERVER_CLOSE_RETRY_MS);
            }
          }
          break;
        case 'refused':
          store().setConnection('refused');
          // Usually `unauthenticated`: the session check sends the user to the login screen.
          // If the session is still good, try again later.
          void queryClient.invalidateQueries({ queryKey: authKeys.me() });
          retryTimer = setTimeout(connectSocket, REFUSED_RETRY_MS);
          break;
      }
    });
    connectSocket();
    return () => {
      clearTimeout(retryTimer);
      clearTimeout(gapTimer);
      offGaps();
      offFacts();
      offConnection();
      disconnectSocket();
    };
  }, [queryClient]);
}
