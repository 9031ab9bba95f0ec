import { beforeEach, describe, expect, it } from 'vitest';
import { aConversation, anAgentView } from '../testing/fixtures';
import { currentFactSeq, selectedConversation, useLiveStore } from './live-store';

const store = useLiveStore;

beforeEach(() => {
  store.getState().reset();
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ id: 'u-agent1', version: 5 }),
      offers: [],
      conversations: [aConversation()],
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
});

describe('transfers on the desk', () => {
  it('tells the sender once when the receiver of a warm transfer declines, keeping the conversation', () => {
    const contactId = selectedConversation(store.getState())!.contact.id;
    const fact = {
      name: 'transfer:declined' as const,
      fact: {
        contactId,
        reference: 'TGP-20260312-00001',
        toAgentName: 'Budi Santoso',
        reason: 'rejected' as const,
      },
    };
    store.getState().ingestFact(fact);
    store.getState().ingestFact(fact);
    const notices = store.getState().desk.notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'transfer-declined',
      toAgentName: 'Budi Santoso',
      reason: 'rejected',
    });
    expect(selectedConversation(store.getState())?.contact.id).toBe(contactId);
  });

  it('ignores a declined transfer of a conversation no longer held', () => {
    store.getState().ingestFact({
      name: 'transfer:declined',
      fact: { contactId: 'other', reference: 'X', toAgentName: 'Budi Santoso', reason: 'expired' },
    });
    expect(store.getState().desk.notices).toEqual([]);
  });

  it('shows who passed a conversation on, with their note, when it arrives by transfer', () => {
    const conversation = aConversation({
      id: 'c-transferred',
      reference: 'TGP-20260312-00009',
      version: 9,
    });
    store.getState().ingestFact({
      name: 'conversation:assigned',
      fact: {
        agentId: 'u-agent1',
        conversation,
        reason: 'transferred',
        byName: 'Rina Wulandari',
        note: 'Sudah diverifikasi.',
      },
    });
    expect(store.getState().desk.notices).toEqual([
      expect.objectContaining({
        kind: 'assigned',
        byName: 'Rina Wulandari',
        note: 'Sudah diverifikasi.',
      }),
    ]);
  });
});
