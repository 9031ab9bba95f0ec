import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  connectSocket,
  disconnectSocket,
  subscribeToConnection,
  subscribeToFacts,
} from '../lib/socket';
import { useLiveStore } from '../stores/live-store';
import { authKeys } from '../features/auth/api/auth-queries';

/** Delay before reopening a socket the server closed, so a restart loop cannot spin. */
const SERVER_CLOSE_RETRY_MS = 2_000;
const REFUSED_RETRY_MS = 15_000;

/**
 * Owns the live connection for a signed-in session: opens the socket, feeds facts into the live
 * store, and on every (re)connection refetches the snapshots, because facts sent while we were
 * away are not guaranteed to be replayed. A refused socket means the session is gone.
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
          // the rooms.
          refetchSnapshots();
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
      offFacts();
      offConnection();
      disconnectSocket();
    };
  }, [queryClient]);
}
