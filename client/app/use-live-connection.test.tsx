import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectSocket,
  disconnectSocket,
  sendCommand,
  subscribeToConnection,
  subscribeToFacts,
  type ConnectionEvent,
  type FactEvent,
} from '../lib/socket';
import { useLiveStore } from '../stores/live-store';
import type { CallState } from '../../shared/schemas/call';
import { aConversation, anAgentView, aQueueState, T0 } from '../testing/fixtures';
import { authKeys } from '../features/auth/api/auth-queries';
import { GAP_RESYNC_DEBOUNCE_MS, useLiveConnection } from './use-live-connection';

vi.mock('../lib/socket', () => ({
  connectSocket: vi.fn(),
  disconnectSocket: vi.fn(),
  subscribeToFacts: vi.fn(),
  subscribeToConnection: vi.fn(),
  sendCommand: vi.fn(),
}));

let emitConnection: (event: ConnectionEvent) => void = () => undefined;
let emitFact: (event: FactEvent) => void = () => undefined;

function Probe() {
  useLiveConnection();
  return null;
}

function setup() {
  const queryClient = new QueryClient();
  currentClient = queryClient;
  queryClient.setQueryData(authKeys.me(), { id: 'u-agent1' });
  queryClient.setQueryData(['desk', 'snapshot'], { cached: true });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Probe />
    </QueryClientProvider>,
  );
  const isInvalidated = (key: readonly unknown[]) =>
    queryClient.getQueryState(key)?.isInvalidated ?? false;
  return { queryClient, view, isInvalidated };
}

beforeEach(() => {
  useLiveStore.getState().reset();
  vi.mocked(connectSocket).mockClear();
  vi.mocked(disconnectSocket).mockClear();
  vi.mocked(subscribeToConnection).mockImplementation((listener) => {
    emitConnection = listener;
    return () => undefined;
  });
  vi.mocked(subscribeToFacts).mockImplementation((listener) => {
    emitFact = listener;
    return () => undefined;
  });
});

describe('useLiveConnection', () => {
  it('connects while mounted and disconnects when the session view goes away', () => {
    const { view } = setup();
    expect(connectSocket).toHaveBeenCalledOnce();
    view.unmount();
    expect(disconnectSocket).toHaveBeenCalledOnce();
  });

  it('refetches every snapshot, but not the session, after a reconnect', () => {
    const { isInvalidated } = setup();
    act(() => emitConnection({ type: 'disconnected', reason: 'transport close' }));
    expect(useLiveStore.getState().connection).toBe('reconnecting');
    act(() => emitConnection({ type: 'connected', isReconnect: true, isRecovered: false }));
    expect(useLiveStore.getState().connection).toBe('connected');
    expect(isInvalidated(['desk', 'snapshot'])).toBe(true);
    expect(isInvalidated(authKeys.me())).toBe(false);
  });

  it('checks the session when the server refuses the socket', () => {
    const { isInvalidated } = setup();
    act(() => emitConnection({ type: 'refused', message: 'unauthenticated' }));
    expect(useLiveStore.getState().connection).toBe('refused');
    expect(isInvalidated(authKeys.me())).toBe(true);
  });

  it('feeds facts into the live store', () => {
    setup();
    act(() =>
      emitFact({
        name: 'queue:state-changed',
        fact: { ...aQueueState({ version: 4 }), since: null },
      }),
    );
    expect(useLiveStore.getState().queueState?.version).toBe(4);
  });

  it('reads the queue state again over the socket after a change it cannot build on', async () => {
    const { isInvalidated } = setup();
    const fresh = aQueueState({ version: 12, queues: [] });
    vi.mocked(sendCommand).mockResolvedValue(fresh);
    act(() => useLiveStore.getState().hydrateQueue(aQueueState({ version: 3 }), 0));
    act(() =>
      emitFact({
        name: 'queue:state-changed',
        fact: { ...aQueueState({ version: 11 }), since: 9 },
      }),
    );
    expect(sendCommand).toHaveBeenCalledWith('queue:state-get', {});
    await waitFor(() => expect(useLiveStore.getState().queueState).toEqual(fresh));
    // Only the queue state: the other snapshots hold nothing stale.
    expect(isInvalidated(['desk', 'snapshot'])).toBe(false);
  });

  it('skips the refetch after a reconnect that recovered the missed facts', () => {
    const { isInvalidated } = setup();
    act(() => emitConnection({ type: 'connected', isReconnect: false, isRecovered: false }));
    expect(isInvalidated(['desk', 'snapshot'])).toBe(true);
    setupQueries();
    act(() => emitConnection({ type: 'disconnected', reason: 'transport close' }));
    act(() => emitConnection({ type: 'connected', isReconnect: true, isRecovered: true }));
    expect(useLiveStore.getState().connection).toBe('connected');
    expect(isInvalidated(['desk', 'snapshot'])).toBe(false);
  });

  it('refetches once, a moment later, after gaps in a +1 stream', () => {
    vi.useFakeTimers();
    try {
      const { isInvalidated } = setup();
      act(() =>
        useLiveStore.getState().hydrateDesk(
          {
            agent: anAgentView(),
            offers: [],
            conversations: [{ ...aConversation({ id: 'c-1', channel: 'voice' }), call: aCall(1) }],
            recentOutcomes: [],
          },
          0,
        ),
      );
      act(() => emitFact({ name: 'call:state-changed', fact: aCall(2) }));
      act(() => vi.advanceTimersByTime(GAP_RESYNC_DEBOUNCE_MS * 2));
      expect(isInvalidated(['desk', 'snapshot'])).toBe(false);

      act(() => emitFact({ name: 'call:state-changed', fact: aCall(5) }));
      act(() => emitFact({ name: 'call:state-changed', fact: aCall(8) }));
      expect(isInvalidated(['desk', 'snapshot'])).toBe(false);
      act(() => vi.advanceTimersByTime(GAP_RESYNC_DEBOUNCE_MS));
      expect(isInvalidated(['desk', 'snapshot'])).toBe(true);
      expect(isInvalidated(authKeys.me())).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

let currentClient: QueryClient | null = null;

/** Puts the desk snapshot back in the cache as fresh, to see whether it is invalidated again. */
function setupQueries() {
  currentClient?.setQueryData(['desk', 'snapshot'], { cached: true });
}

function aCall(version: number): CallState {
  return {
    contactId: 'c-1',
    state: 'connected',
    ringingAt: T0,
    answeredAt: T0 + 1_000,
    holdStartedAt: null,
    holdMs: 0,
    endedAt: null,
    version,
  };
}
