import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/schemas/contact';
import { aConversation, anAgentView, anOutcomeRecord, T0 } from '../testing/fixtures';
import { currentFactSeq, selectedConversation, useLiveStore } from './live-store';

const store = useLiveStore;

const held: Message = {
  id: 'm-held',
  direction: 'outbound',
  text: 'Bisa diurus besok.',
  at: T0 + 60_000,
  deliveryStatus: 'awaiting_approval',
  failureReason: null,
  authorName: 'Dewi Lestari',
  review: { state: 'pending', byName: null, reason: null, originalText: null },
};

const approvedEdited: Message = {
  ...held,
  text: 'KTP pengganti diurus di Disdukcapil.',
  deliveryStatus: 'queued',
  review: {
    state: 'edited',
    byName: 'Maria Simanjuntak',
    reason: null,
    originalText: 'Bisa diurus besok.',
  },
};

function decided(message: Message) {
  return {
    name: 'approval:decided' as const,
    fact: {
      messageId: message.id,
      contactId: contactId(),
      agentId: 'u-trainee',
      decision: 'approve' as const,
      isEdited: true,
      byName: 'Maria Simanjuntak',
      reason: null,
      message,
    },
  };
}

const heldMessage = () =>
  selectedConversation(store.getState())?.messages.find((m) => m.id === 'm-held');
const contactId = () => selectedConversation(store.getState())!.contact.id;

beforeEach(() => {
  store.getState().reset();
  store.getState().hydrateDesk(
    {
      agent: anAgentView({ id: 'u-trainee', version: 5, isTrainee: true }),
      offers: [],
      conversations: [aConversation()],
      recentOutcomes: [],
    },
    currentFactSeq(),
  );
  store.getState().ingestFact({
    name: 'conversation:message-added',
    fact: { contactId: contactId(), message: held },
  });
});

describe('a reply held for approval, live', () => {
  it('given a held reply, when the approver edits and approves it, then the transcript shows the edit', () => {
    expect(heldMessage()?.deliveryStatus).toBe('awaiting_approval');
    store.getState().ingestFact(decided(approvedEdited));
    expect(heldMessage()).toMatchObject({
      text: 'KTP pengganti diurus di Disdukcapil.',
      deliveryStatus: 'queued',
      review: { state: 'edited', originalText: 'Bisa diurus besok.' },
    });
  });

  it('given the approved reply was sent, when the decision is replayed, then it stays sent', () => {
    store.getState().ingestFact(decided(approvedEdited));
    store.getState().ingestFact({
      name: 'message:status-changed',
      fact: {
        contactId: contactId(),
        messageId: 'm-held',
        deliveryStatus: 'sent',
        failureReason: null,
      },
    });
    store.getState().ingestFact(decided(approvedEdited));
    expect(heldMessage()).toMatchObject({ deliveryStatus: 'sent', review: { state: 'edited' } });
  });

  it('given a rejection, then the reply stays rejected whatever status comes later', () => {
    const rejected: Message = {
      ...held,
      deliveryStatus: 'rejected',
      review: { state: 'rejected', byName: 'Agus Prasetyo', reason: 'Nada', originalText: null },
    };
    store.getState().ingestFact({
      ...decided(rejected),
      fact: { ...decided(rejected).fact, decision: 'reject', isEdited: false, reason: 'Nada' },
    });
    store.getState().ingestFact({
      name: 'message:status-changed',
      fact: {
        contactId: contactId(),
        messageId: 'm-held',
        deliveryStatus: 'queued',
        failureReason: null,
      },
    });
    expect(heldMessage()).toMatchObject({ deliveryStatus: 'rejected', review: { reason: 'Nada' } });
  });
});

describe('a trainee outcome waiting for review', () => {
  it('given it waits for review, when its conversation is evaluated, then it shows as reviewed', () => {
    const base = anOutcomeRecord({ agentId: 'u-trainee', contact: { id: 'c-reviewed' } });
    const pending = {
      ...base,
      outcome: { ...base.outcome, reviewStatus: 'pending_review' as const },
    };
    store.getState().deskOutcomeLogged(pending);
    expect(store.getState().desk.outcomes[0]?.outcome.reviewStatus).toBe('pending_review');
    store.getState().ingestFact({
      name: 'evaluation:changed',
      fact: {
        id: 'e-1',
        formId: 'form-standard',
        formTitle: 'Evaluasi percakapan standar',
        formVersion: 1,
        contactId: 'c-reviewed',
        reference: base.contact.reference,
        agentId: 'u-trainee',
        agentName: 'Dewi Lestari',
        evaluatorId: 'u-trainer',
        evaluatorName: 'Maria Simanjuntak',
        answers: [],
        score: {
          points: 0,
          maxPoints: 0,
          percent: 100,
          failedCriticalIds: [],
          isPassed: true,
          sections: [],
        },
        comment: '',
        createdAt: T0,
        acknowledgedAt: null,
        acknowledgementNote: null,
      },
    });
    expect(store.getState().desk.outcomes[0]?.outcome.reviewStatus).toBe('reviewed');
  });
});
