import { describe, expect, it } from 'vitest';
import {
  ESCALATION_STATUSES,
  nextEscalationStatus,
  orderEscalations,
  type EscalationAction,
} from './escalations';

const ACTIONS: EscalationAction[] = ['answer', 'join', 'close'];

describe('escalation lifecycle', () => {
  it.each([
    ['open', 'answer', 'answered'],
    ['open', 'join', 'joined'],
    ['open', 'close', 'closed'],
    ['answered', 'answer', 'answered'],
    ['answered', 'join', 'joined'],
    ['joined', 'answer', 'answered'],
    ['joined', 'close', 'closed'],
  ] as const)('given %s, when %s, then %s', (status, action, next) => {
    expect(nextEscalationStatus(status, action)).toBe(next);
  });

  it('given closed, then nothing more happens', () => {
    for (const action of ACTIONS) expect(nextEscalationStatus('closed', action)).toBeNull();
  });

  it('never goes back to open', () => {
    for (const status of ESCALATION_STATUSES) {
      for (const action of ACTIONS) expect(nextEscalationStatus(status, action)).not.toBe('open');
    }
  });
});

describe('escalation order', () => {
  it('open first, oldest first; then handled; closed last', () => {
    const ordered = orderEscalations([
      { id: 'closed', status: 'closed' as const, raisedAt: 1 },
      { id: 'answered', status: 'answered' as const, raisedAt: 2 },
      { id: 'open-late', status: 'open' as const, raisedAt: 9 },
      { id: 'open-early', status: 'open' as const, raisedAt: 3 },
    ]);
    expect(ordered.map((e) => e.id)).toEqual(['open-early', 'open-late', 'answered', 'closed']);
  });
});
