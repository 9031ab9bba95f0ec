import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationHandlers, defaultEvaluatedAgent } from './conversation-handlers';

describe('the agents who handled a conversation', () => {
  it('lists who took it by acceptance, transfer and reassignment, in order, each once', () => {
    expect(
      conversationHandlers(
        [
          { kind: 'reassigned', toAgentId: 'agent', at: 30 },
          { kind: 'accepted', toAgentId: 'trainee', at: 10 },
          { kind: 'offer_expired', toAgentId: 'someone', at: 5 },
          { kind: 'transfer_cold', toAgentId: null, at: 20 },
          { kind: 'transfer_accepted', toAgentId: 'second', at: 25 },
          { kind: 'reassigned', toAgentId: 'trainee', at: 40 },
        ],
        'trainee',
      ),
    ).toEqual(['trainee', 'second', 'agent']);
  });

  it('includes the current holder even without an event', () => {
    expect(conversationHandlers([], 'holder')).toEqual(['holder']);
    expect(conversationHandlers([], null)).toEqual([]);
  });

  it('never lists an agent twice and always lists the holder', () => {
    const event = fc.record({
      kind: fc.constantFrom('accepted', 'transfer_accepted', 'reassigned', 'rejected', 'closed'),
      toAgentId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
      at: fc.nat(100),
    });
    fc.assert(
      fc.property(
        fc.array(event),
        fc.option(fc.constantFrom('a', 'b', 'd'), { nil: null }),
        (events, holder) => {
          const handlers = conversationHandlers(events, holder);
          return (
            new Set(handlers).size === handlers.length &&
            (holder === null || handlers.includes(holder))
          );
        },
      ),
    );
  });
});

describe('whom an evaluator scores by default', () => {
  const handlers = [
    { agentId: 'trainee-1', mayEvaluate: true },
    { agentId: 'agent', mayEvaluate: false },
    { agentId: 'trainee-2', mayEvaluate: true },
  ];

  it('is the agent they follow when they may evaluate them', () => {
    expect(defaultEvaluatedAgent(handlers, 'trainee-1')).toBe('trainee-1');
  });

  it('is otherwise the last handler they may evaluate', () => {
    expect(defaultEvaluatedAgent(handlers, 'agent')).toBe('trainee-2');
    expect(defaultEvaluatedAgent(handlers, null)).toBe('trainee-2');
  });

  it('is nobody when they may evaluate none', () => {
    expect(defaultEvaluatedAgent([{ agentId: 'agent', mayEvaluate: false }], 'agent')).toBeNull();
  });
});
