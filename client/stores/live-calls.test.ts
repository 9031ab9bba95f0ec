import { beforeEach, describe, expect, it } from 'vitest';
import type { CallState } from '../../shared/schemas/call';
import { aConversation, anAgentView, T0 } from '../testing/fixtures';
import { newestCall } from './live-data';
import { currentFactSeq, useLiveStore } from './live-store';

const store = useLiveStore;

function aCall(overrides: Partial<CallState> = {}): CallState {
  return {
    contactId: 'c-1',
    state: 'ringing',
    ringingAt: T0,
    answeredAt: null,
    holdStartedAt: null,
    holdMs: 0,
    endedAt: null,
    version: 1,
    ...overrides,
  };
}

function hydrateDeskWith(call: CallState | null): void {
  const conversation = { ...aConversation({ channel: 'voice' }), call };
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ version: 5 }),
      offers: [],
      conversations: [conversation],
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
}

const held = () => newestCall(store.getState(), 'c-1');

beforeEach(() => {
  store.getState().reset();
});

describe('live call state', () => {
  it('starts from the snapshot and follows newer facts', () => {
    hydrateDeskWith(aCall());
    expect(held()).toMatchObject({ state: 'ringing', version: 1 });
    store.getState().ingestFact({
      name: 'call:state-changed',
      fact: aCall({ state: 'connected', answeredAt: T0 + 4_000, version: 2 }),
    });
    expect(held()).toMatchObject({ state: 'connected', answeredAt: T0 + 4_000 });
  });

  it('drops a stale or repeated fact', () => {
    const onHold = aCall({
      state: 'on_hold',
      answeredAt: T0,
      holdStartedAt: T0 + 9_000,
      version: 3,
    });
    store.getState().ingestFact({ name: 'call:state-changed', fact: onHold });
    const before = store.getState().calls;
    store.getState().ingestFact({ name: 'call:state-changed', fact: onHold });
    store
      .getState()
      .ingestFact({ name: 'call:state-changed', fact: aCall({ state: 'connected', version: 2 }) });
    expect(store.getState().calls).toBe(before);
    expect(held()).toMatchObject({ state: 'on_hold', version: 3 });
  });

  it('a snapshot newer than the facts held wins (a fact may have raced the reload)', () => {
    store
      .getState()
      .ingestFact({ name: 'call:state-changed', fact: aCall({ state: 'connected', version: 2 }) });
    hydrateDeskWith(aCall({ state: 'ended', endedAt: T0 + 60_000, version: 4 }));
    expect(held()).toMatchObject({ state: 'ended', version: 4 });
  });

  it('also serves the trainer mirroring an agent, and nothing for an unknown contact', () => {
    store.getState().hydrateMonitor(
      {
        agent: anAgentView({ id: 'u-trainee1' }),
        conversations: [{ ...aConversation({ channel: 'voice' }), call: aCall({ version: 2 }) }],
        recentOutcomes: [],
      },
      currentFactSeq(),
    );
    expect(held()).toMatchObject({ version: 2 });
    expect(newestCall(store.getState(), 'c-other')).toBeNull();
  });

  it('is cleared by sign-out', () => {
    store.getState().ingestFact({ name: 'call:state-changed', fact: aCall() });
    store.getState().reset();
    expect(store.getState().calls).toEqual({});
  });
});
