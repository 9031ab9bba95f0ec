import { beforeEach, describe, expect, it } from 'vitest';
import {
  aContact,
  aConversation,
  anAgentView,
  anOffer,
  anOutcomeRecord,
  aQueueState,
  aQueueStateChange,
} from '../testing/fixtures';
import { currentFactSeq, selectedConversation, useLiveStore } from './live-store';

const store = useLiveStore;

function hydrateDeskFor(agentId = 'u-agent1'): void {
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ id: agentId, version: 5 }),
      offers: [],
      conversations: [],
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
}

beforeEach(() => {
  store.getState().reset();
});

describe('versioned facts', () => {
  it('drops a whole queue state older than the one held', () => {
    const { ingestFact } = store.getState();
    ingestFact({ name: 'queue:state-changed', fact: aQueueStateChange({ version: 7 }) });
    ingestFact({
      name: 'queue:state-changed',
      fact: aQueueStateChange({ version: 6, queues: [] }),
    });
    expect(store.getState().queueState?.version).toBe(7);
    expect(store.getState().queueState?.queues).toHaveLength(1);

    ingestFact({
      name: 'queue:state-changed',
      fact: aQueueStateChange({ version: 8, queues: [] }),
    });
    expect(store.getState().queueState?.version).toBe(8);
  });

  it('merges a queue-state change into the held state, keeping what did not change', () => {
    const { ingestFact } = store.getState();
    const held = aQueueState({ version: 3 });
    const [bansos] = held.queues;
    const other = { ...bansos!, queueId: 'q-pajak', waiting: 0, oldestArrivedAt: null };
    store.getState().hydrateQueue({ ...held, queues: [bansos!, other] }, currentFactSeq());
    const { agentsByStatus: _counts, ...withoutCounts } = aQueueStateChange();
    ingestFact({
      name: 'queue:state-changed',
      fact: {
        ...withoutCounts,
        version: 5,
        since: 3,
        at: held.at + 500,
        queues: [{ ...other, waiting: 4, oldestArrivedAt: held.at }],
      },
    });
    const state = store.getState().queueState;
    expect(state?.version).toBe(5);
    expect(state?.at).toBe(held.at + 500);
    expect(state?.queues.map((queue) => [queue.queueId, queue.waiting])).toEqual([
      ['q-bansos', 2],
      ['q-pajak', 4],
    ]);
    expect(state?.agentsByStatus).toEqual(held.agentsByStatus);
  });

  it('drops an agent view older than the one held', () => {
    const { ingestFact } = store.getState();
    ingestFact({
      name: 'agent:status-changed',
      fact: anAgentView({ version: 4, status: 'break' }),
    });
    ingestFact({
      name: 'agent:status-changed',
      fact: anAgentView({ version: 3, status: 'available' }),
    });
    expect(store.getState().agents['u-agent1']?.status).toBe('break');
  });

  it('drops a contact update older than the board holds', () => {
    store.getState().hydrateBoard(
      {
        agents: [],
        conversations: [aContact({ version: 4, status: 'active' })],
        recentOutcomes: [],
      },
      currentFactSeq(),
    );
    store.getState().ingestFact({
      name: 'conversation:updated',
      fact: aContact({ version: 2, status: 'waiting' }),
    });
    expect(store.getState().board.contacts['c-1']?.status).toBe('active');
  });
});

describe('desk facts', () => {
  it('adds offers for this agent only, and removes an offer when it is withdrawn', () => {
    hydrateDeskFor();
    const { ingestFact } = store.getState();
    ingestFact({ name: 'offer:created', fact: anOffer({ id: 'o-1' }) });
    ingestFact({
      name: 'offer:created',
      fact: anOffer({ id: 'o-2', contact: aContact({ id: 'c-2' }) }),
    });
    ingestFact({ name: 'offer:created', fact: anOffer({ id: 'o-x', agentId: 'someone-else' }) });
    // A duplicate delivery changes nothing.
    ingestFact({ name: 'offer:created', fact: anOffer({ id: 'o-1' }) });
    expect(store.getState().desk.offers.map((offer) => offer.id)).toEqual(['o-1', 'o-2']);

    ingestFact({
      name: 'offer:withdrawn',
      fact: { offerId: 'o-1', contactId: 'c-1', reason: 'expired' },
    });
    expect(store.getState().desk.offers.map((offer) => offer.id)).toEqual(['o-2']);
  });

  it('removes the conversation on revoke and keeps who moved it, to whom and why', () => {
    hydrateDeskFor();
    const { ingestFact } = store.getState();
    ingestFact({
      name: 'conversation:assigned',
      fact: {
        agentId: 'u-agent1',
        conversation: aConversation(),
        reason: 'accepted',
        byName: null,
        note: null,
      },
    });
    expect(selectedConversation(store.getState())?.contact.id).toBe('c-1');

    ingestFact({
      name: 'conversation:revoked',
      fact: {
        agentId: 'u-agent1',
        contactId: 'c-1',
        reference: 'TGP-0001',
        byName: 'Rina Lead',
        toAgentName: 'Joko Agen',
        reason: 'Butuh keahlian pajak',
      },
    });
    const { desk } = store.getState();
    expect(desk.conversations).toEqual([]);
    expect(desk.notices).toEqual([
      expect.objectContaining({
        kind: 'revoked',
        reference: 'TGP-0001',
        byName: 'Rina Lead',
        toAgentName: 'Joko Agen',
        reason: 'Butuh keahlian pajak',
      }),
    ]);
  });

  it('ignores a revoke for another agent', () => {
    hydrateDeskFor();
    store.getState().deskAccepted(aConversation());
    store.getState().ingestFact({
      name: 'conversation:revoked',
      fact: {
        agentId: 'u-agent2',
        contactId: 'c-1',
        reference: 'TGP-0001',
        byName: 'Rina Lead',
        toAgentName: 'Sari Agen',
        reason: 'x',
      },
    });
    expect(selectedConversation(store.getState())?.contact.id).toBe('c-1');
    expect(store.getState().desk.notices).toEqual([]);
  });

  it('raises a notice with the lead note when a conversation is moved to me', () => {
    hydrateDeskFor();
    store.getState().ingestFact({
      name: 'conversation:assigned',
      fact: {
        agentId: 'u-agent1',
        conversation: aConversation({ id: 'c-9', reference: 'TGP-0009' }),
        reason: 'reassigned',
        byName: 'Rina Lead',
        note: 'Warga ini butuh jawaban hari ini',
      },
    });
    const { desk } = store.getState();
    expect(desk.conversations.at(-1)?.contact.reference).toBe('TGP-0009');
    expect(desk.notices[0]).toMatchObject({
      kind: 'assigned',
      byName: 'Rina Lead',
      note: 'Warga ini butuh jawaban hari ini',
    });
  });

  it('closes the held conversation when its outcome is logged, once', () => {
    hydrateDeskFor();
    store.getState().deskAccepted(aConversation());
    const record = anOutcomeRecord();
    store.getState().ingestFact({ name: 'outcome:logged', fact: record });
    store.getState().deskOutcomeLogged(record);
    const { desk } = store.getState();
    expect(desk.conversations).toEqual([]);
    expect(desk.outcomes).toHaveLength(1);
    expect(desk.lastLogged).toEqual({ contactId: 'c-1', reference: 'TGP-0001' });
  });
});

describe('snapshots and replay', () => {
  it('replays facts that arrived while the snapshot was in flight', () => {
    hydrateDeskFor();
    const since = currentFactSeq();
    // While GET /api/desk is in flight, an offer arrives and another is withdrawn.
    store.getState().ingestFact({ name: 'offer:created', fact: anOffer({ id: 'o-new' }) });
    store.getState().ingestFact({
      name: 'offer:withdrawn',
      fact: { offerId: 'o-old', contactId: 'c-old', reason: 'expired' },
    });
    // The snapshot was read before both.
    store.getState().hydrateDesk(
      {
        agent: anAgentView({ version: 6 }),
        offers: [anOffer({ id: 'o-old', contact: aContact({ id: 'c-old' }) })],
        conversations: [],
        recentOutcomes: [],
      },
      since,
    );
    expect(store.getState().desk.offers.map((offer) => offer.id)).toEqual(['o-new']);
  });

  it('accepts a snapshot with lower versions (server restarted) and later facts on top', () => {
    store
      .getState()
      .ingestFact({ name: 'queue:state-changed', fact: aQueueStateChange({ version: 900 }) });
    store.getState().hydrateQueue(aQueueState({ version: 2 }), currentFactSeq());
    expect(store.getState().queueState?.version).toBe(2);
    store.getState().ingestFact({
      name: 'queue:state-changed',
      fact: aQueueStateChange({ version: 3, since: 2 }),
    });
    expect(store.getState().queueState?.version).toBe(3);
  });

  it('does not repeat a notice when its fact is replayed', () => {
    hydrateDeskFor();
    const since = currentFactSeq();
    store.getState().ingestFact({
      name: 'conversation:revoked',
      fact: {
        agentId: 'u-agent1',
        contactId: 'c-1',
        reference: 'TGP-0001',
        byName: 'Rina Lead',
        toAgentName: 'Joko Agen',
        reason: 'x',
      },
    });
    store
      .getState()
      .hydrateDesk(
        { agent: anAgentView({ version: 7 }), offers: [], conversations: [], recentOutcomes: [] },
        since,
      );
    expect(store.getState().desk.notices).toHaveLength(1);
  });
});

describe('board and monitor', () => {
  it('adds live outcomes to the board, newest first', () => {
    store
      .getState()
      .hydrateBoard(
        { agents: [], conversations: [], recentOutcomes: [anOutcomeRecord({ id: 'a' })] },
        currentFactSeq(),
      );
    store.getState().ingestFact({
      name: 'outcome:logged',
      fact: anOutcomeRecord({ id: 'b', createdAt: Date.now(), contact: { id: 'c-2' } }),
    });
    expect(store.getState().board.outcomes.map((r) => r.outcome.id)).toEqual(['b', 'a']);
    expect(store.getState().board.contacts['c-2']?.status).toBe('closed');
  });

  it('mirrors the monitored agent only', () => {
    store
      .getState()
      .hydrateMonitor(
        { agent: anAgentView({ id: 'u-trainee' }), conversations: [], recentOutcomes: [] },
        currentFactSeq(),
      );
    const conversation = aConversation({ assignedAgentId: 'u-trainee' });
    store.getState().ingestFact({
      name: 'conversation:assigned',
      fact: { agentId: 'u-trainee', conversation, reason: 'accepted', byName: null, note: null },
    });
    expect(store.getState().training.monitor.conversations[0]?.contact.id).toBe('c-1');
    store.getState().ingestFact({
      name: 'outcome:logged',
      fact: anOutcomeRecord({ agentId: 'u-other', id: 'x' }),
    });
    expect(store.getState().training.monitor.outcomes).toEqual([]);
    store.getState().ingestFact({
      name: 'outcome:logged',
      fact: anOutcomeRecord({ agentId: 'u-trainee', id: 'y' }),
    });
    expect(store.getState().training.monitor.conversations).toEqual([]);
    expect(store.getState().training.monitor.outcomes).toHaveLength(1);
  });
});
