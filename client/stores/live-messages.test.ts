import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/schemas/contact';
import { aConversation, anAgentView, T0 } from '../testing/fixtures';
import { currentFactSeq, selectedConversation, useLiveStore } from './live-store';

const store = useLiveStore;

function reply(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm-reply',
    direction: 'outbound',
    text: 'Status dapat dicek di laman cekbansos.',
    at: T0 + 60_000,
    deliveryStatus: 'queued',
    failureReason: null,
    authorName: 'Rina Wulandari',
    ...overrides,
  };
}

beforeEach(() => {
  store.getState().reset();
  const conversation = aConversation();
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ id: 'u-agent1', version: 5 }),
      offers: [],
      conversations: [conversation],
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
});

const heldMessages = () => selectedConversation(store.getState())?.messages ?? [];
const contactId = () => selectedConversation(store.getState())!.contact.id;

describe('live transcript', () => {
  it('appends a message once, in time order, however often the fact arrives', () => {
    const before = heldMessages().length;
    const fact = {
      name: 'conversation:message-added' as const,
      fact: { contactId: contactId(), message: reply() },
    };
    store.getState().ingestFact(fact);
    store.getState().ingestFact(fact);
    expect(heldMessages()).toHaveLength(before + 1);
    store.getState().ingestFact({
      name: 'conversation:message-added',
      fact: {
        contactId: contactId(),
        message: reply({
          id: 'm-early',
          at: T0 + 1,
          direction: 'inbound',
          deliveryStatus: null,
          authorName: null,
        }),
      },
    });
    const ids = heldMessages().map((m) => m.id);
    expect(ids.indexOf('m-early')).toBeLessThan(ids.indexOf('m-reply'));
  });

  it('ignores messages of another conversation', () => {
    const before = heldMessages();
    store.getState().ingestFact({
      name: 'conversation:message-added',
      fact: { contactId: 'other', message: reply() },
    });
    expect(heldMessages()).toEqual(before);
  });

  it('moves delivery forward only: a late "sent" never hides "delivered"', () => {
    store.getState().ingestFact({
      name: 'conversation:message-added',
      fact: { contactId: contactId(), message: reply() },
    });
    const status = (
      deliveryStatus: 'queued' | 'sent' | 'delivered' | 'failed',
      failureReason: string | null = null,
    ) =>
      store.getState().ingestFact({
        name: 'message:status-changed',
        fact: { contactId: contactId(), messageId: 'm-reply', deliveryStatus, failureReason },
      });
    const held = () => heldMessages().find((m) => m.id === 'm-reply');
    status('queued', 'attempt 1 of 6 failed: the channel answered HTTP 503; retrying');
    expect(held()?.failureReason).toContain('retrying');
    status('delivered');
    status('sent');
    expect(held()).toMatchObject({ deliveryStatus: 'delivered', failureReason: null });
  });
});
