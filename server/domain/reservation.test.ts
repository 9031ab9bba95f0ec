import { describe, expect, it } from 'vitest';
import { afterMissedOffer, decideOffer, isRepeatedAnswer, type OfferFacts } from './reservation';

const pending: OfferFacts = { agentId: 'a1', status: 'pending', expiresAt: 1_000 };

describe('decideOffer', () => {
  it('accepts a pending offer before it expires', () => {
    expect(decideOffer(pending, { kind: 'accept', agentId: 'a1' }, 999)).toEqual({
      ok: true,
      status: 'accepted',
    });
  });

  it('refuses an accept at or after expiry', () => {
    expect(decideOffer(pending, { kind: 'accept', agentId: 'a1' }, 1_000)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('refuses an accept or reject from another agent', () => {
    expect(decideOffer(pending, { kind: 'accept', agentId: 'a2' }, 0)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(decideOffer(pending, { kind: 'reject', agentId: 'a2' }, 0)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('refuses every action on an offer that is no longer pending', () => {
    for (const status of ['accepted', 'rejected', 'expired', 'rescinded'] as const) {
      const offer = { ...pending, status };
      expect(decideOffer(offer, { kind: 'accept', agentId: 'a1' }, 0)).toMatchObject({
        ok: false,
        code: 'conflict',
      });
      expect(decideOffer(offer, { kind: 'reject', agentId: 'a1' }, 0)).toMatchObject({
        ok: false,
        code: 'conflict',
      });
      expect(decideOffer(offer, { kind: 'expire' }, 5_000)).toMatchObject({
        ok: false,
        code: 'conflict',
      });
      expect(decideOffer(offer, { kind: 'rescind' }, 0)).toMatchObject({
        ok: false,
        code: 'conflict',
      });
    }
  });

  it('rejects while pending and before the deadline, like accept', () => {
    expect(decideOffer(pending, { kind: 'reject', agentId: 'a1' }, 999)).toEqual({
      ok: true,
      status: 'rejected',
    });
    expect(decideOffer(pending, { kind: 'reject', agentId: 'a1' }, 1_000)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('expires only once the deadline has passed', () => {
    expect(decideOffer(pending, { kind: 'expire' }, 999)).toMatchObject({ ok: false });
    expect(decideOffer(pending, { kind: 'expire' }, 1_000)).toEqual({
      ok: true,
      status: 'expired',
    });
  });

  it('rescinds a pending offer', () => {
    expect(decideOffer(pending, { kind: 'rescind' }, 0)).toEqual({ ok: true, status: 'rescinded' });
  });
});

describe('afterMissedOffer', () => {
  it('marks the agent not responding at the limit of missed offers in a row', () => {
    expect(afterMissedOffer(0, 3)).toEqual({ missedInARow: 1, isNotResponding: false });
    expect(afterMissedOffer(1, 3)).toEqual({ missedInARow: 2, isNotResponding: false });
    expect(afterMissedOffer(2, 3)).toEqual({ missedInARow: 3, isNotResponding: true });
    expect(afterMissedOffer(0, 1)).toEqual({ missedInARow: 1, isNotResponding: true });
  });
});

describe('isRepeatedAnswer', () => {
  const offer = { agentId: 'a1', expiresAt: 1_000 };
  it('recognises the same agent answering the same way again, whatever the time', () => {
    expect(
      isRepeatedAnswer({ ...offer, status: 'accepted' }, { kind: 'accept', agentId: 'a1' }),
    ).toBe(true);
    expect(
      isRepeatedAnswer({ ...offer, status: 'rejected' }, { kind: 'reject', agentId: 'a1' }),
    ).toBe(true);
  });

  it('is no repeat for another agent, another answer, or an offer still pending or ended otherwise', () => {
    expect(
      isRepeatedAnswer({ ...offer, status: 'accepted' }, { kind: 'accept', agentId: 'a2' }),
    ).toBe(false);
    expect(
      isRepeatedAnswer({ ...offer, status: 'accepted' }, { kind: 'reject', agentId: 'a1' }),
    ).toBe(false);
    expect(
      isRepeatedAnswer({ ...offer, status: 'rejected' }, { kind: 'accept', agentId: 'a1' }),
    ).toBe(false);
    for (const status of ['pending', 'expired', 'rescinded'] as const) {
      expect(isRepeatedAnswer({ ...offer, status }, { kind: 'accept', agentId: 'a1' })).toBe(false);
      expect(isRepeatedAnswer({ ...offer, status }, { kind: 'reject', agentId: 'a1' })).toBe(false);
    }
  });
});
