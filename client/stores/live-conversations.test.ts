import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDetail, Message } from '../../shared/schemas/contact';
import { aConversation, anAgentView, anOutcomeRecord, T0 } from '../testing/fixtures';
import { unreadCount } from './live-data';
import { currentFactSeq, selectedConversation, useLiveStore } from './live-store';

const store = useLiveStore;

function chat(id: string, reference: string): ConversationDetail {
  return aConversation({ id, reference, channel: 'whatsapp' });
}

function inbound(id: string, at: number): Message {
  return {
    id,
    direction: 'inbound',
    text: 'Halo, masih ada pertanyaan.',
    at,
    deliveryStatus: null,
    failureReason: null,
    authorName: null,
  };
}

function hydrate(conversations: ConversationDetail[]) {
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ id: 'u-agent1', version: 5 }),
      offers: [],
      conversations,
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
}

function assigned(conversation: ConversationDetail, reason: 'accepted' | 'reassigned') {
  store.getState().ingestFact({
    name: 'conversation:assigned',
    fact: { agentId: 'u-agent1', conversation, reason, byName: 'Agus', note: null },
  });
}

const desk = () => store.getState().desk;
const unreadOf = (contactId: string) => {
  const conversation = desk().conversations.find((c) => c.contact.id === contactId)!;
  return unreadCount(conversation, desk().seenUpTo[contactId]);
};

beforeEach(() => {
  store.getState().reset();
  hydrate([]);
});

describe('several conversations at once', () => {
  it('keeps every held conversation in the order taken and brings an accepted one to the front', () => {
    assigned(chat('c-1', 'TGP-1'), 'accepted');
    assigned(chat('c-2', 'TGP-2'), 'accepted');
    expect(desk().conversations.map((c) => c.contact.id)).toEqual(['c-1', 'c-2']);
    expect(desk().selectedContactId).toBe('c-2');
    // The agent's own accept ack and the fact that follows change nothing more.
    store.getState().deskAccepted(chat('c-2', 'TGP-2'));
    expect(desk().conversations).toHaveLength(2);
  });

  it('leaves the agent where they are when a lead moves another conversation to them', () => {
    assigned(chat('c-1', 'TGP-1'), 'accepted');
    assigned(chat('c-9', 'TGP-9'), 'reassigned');
    expect(desk().selectedContactId).toBe('c-1');
    expect(unreadOf('c-9')).toBe(1);
    expect(desk().notices.map((n) => n.kind)).toEqual(['assigned']);
  });

  it('counts unread messages per tab, once per message however often the fact arrives', () => {
    hydrate([chat('c-1', 'TGP-1'), chat('c-2', 'TGP-2')]);
    expect(desk().selectedContactId).toBe('c-1');
    const fact = {
      name: 'conversation:message-added' as const,
      fact: { contactId: 'c-2', message: inbound('m-9', T0 + 90_000) },
    };
    store.getState().ingestFact(fact);
    store.getState().ingestFact(fact);
    expect(unreadOf('c-2')).toBe(2);
    store.getState().ingestFact({
      name: 'conversation:message-added',
      fact: { contactId: 'c-1', message: inbound('m-10', T0 + 95_000) },
    });
    // The tab in front is being read.
    expect(unreadOf('c-1')).toBe(0);

    store.getState().selectConversation('c-2');
    expect(unreadOf('c-2')).toBe(0);
    expect(selectedConversation(store.getState())?.contact.id).toBe('c-2');
  });

  it('moves to the next conversation when the one in front closes, and to none after the last', () => {
    hydrate([chat('c-1', 'TGP-1'), chat('c-2', 'TGP-2')]);
    store.getState().selectConversation('c-2');
    store
      .getState()
      .deskOutcomeLogged(
        anOutcomeRecord({ id: 'o-2', contact: { id: 'c-2', reference: 'TGP-2' } }),
      );
    expect(desk().selectedContactId).toBe('c-1');
    expect(desk().lastLogged?.reference).toBe('TGP-2');
    store.getState().ingestFact({
      name: 'conversation:revoked',
      fact: {
        agentId: 'u-agent1',
        contactId: 'c-1',
        reference: 'TGP-1',
        byName: 'Agus',
        toAgentName: 'Budi',
        reason: 'Beban dibagi',
      },
    });
    expect(desk().conversations).toEqual([]);
    expect(desk().selectedContactId).toBeNull();
  });

  it('keeps the tab in front across a snapshot reload while it is still held', () => {
    hydrate([chat('c-1', 'TGP-1'), chat('c-2', 'TGP-2')]);
    store.getState().selectConversation('c-2');
    hydrate([chat('c-1', 'TGP-1'), chat('c-2', 'TGP-2'), chat('c-3', 'TGP-3')]);
    expect(desk().selectedContactId).toBe('c-2');
    hydrate([chat('c-3', 'TGP-3')]);
    expect(desk().selectedContactId).toBe('c-3');
  });

  it('ignores a selection of a conversation not held', () => {
    hydrate([chat('c-1', 'TGP-1')]);
    store.getState().selectConversation('c-404');
    expect(desk().selectedContactId).toBe('c-1');
  });
});
