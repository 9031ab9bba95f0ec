import { describe, expect, it } from 'vitest';
import {
  decide,
  isInForce,
  isValidPeriod,
  mayAuthor,
  mayStartNewVersion,
  nextVersionNumber,
  versionsRetiredByPublishing,
} from './knowledge';

const trainer = { id: 't1', role: 'trainer' as const };
const lead = { id: 'l1', role: 'lead' as const };
const admin = { id: 'a1', role: 'admin' as const };
const agent = { id: 'g1', role: 'agent' as const };

describe('knowledge workflow', () => {
  it('walks draft → review → published → retired', () => {
    expect(decide({ status: 'draft', authorId: 't1' }, 'submit', trainer)).toEqual({
      ok: true,
      to: 'review',
    });
    expect(decide({ status: 'review', authorId: 't1' }, 'publish', lead)).toEqual({
      ok: true,
      to: 'published',
    });
    expect(decide({ status: 'published', authorId: 't1' }, 'retire', admin)).toEqual({
      ok: true,
      to: 'retired',
    });
  });

  it('sends a version under review back to draft', () => {
    expect(decide({ status: 'review', authorId: 't1' }, 'send_back', admin)).toEqual({
      ok: true,
      to: 'draft',
    });
  });

  it('refuses a move from the wrong state', () => {
    const wrong = { ok: false, reason: 'wrong_state' };
    expect(decide({ status: 'draft', authorId: 't1' }, 'publish', lead)).toEqual(wrong);
    expect(decide({ status: 'review', authorId: 't1' }, 'edit', trainer)).toEqual(wrong);
    expect(decide({ status: 'published', authorId: 't1' }, 'submit', trainer)).toEqual(wrong);
    expect(decide({ status: 'retired', authorId: 't1' }, 'retire', lead)).toEqual(wrong);
    expect(decide({ status: 'retired', authorId: 't1' }, 'publish', lead)).toEqual(wrong);
  });

  it('lets agents do nothing and trainers only author', () => {
    for (const action of ['edit', 'submit', 'send_back', 'publish', 'retire'] as const) {
      expect(decide({ status: 'draft', authorId: 'g1' }, action, agent)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(decide({ status: 'review', authorId: 'x' }, 'publish', trainer).ok).toBe(false);
    expect(decide({ status: 'published', authorId: 'x' }, 'retire', trainer).ok).toBe(false);
    expect(mayAuthor('agent')).toBe(false);
    expect(mayAuthor('trainer')).toBe(true);
  });

  it('needs a second person to publish', () => {
    expect(decide({ status: 'review', authorId: 'l1' }, 'publish', lead)).toEqual({
      ok: false,
      reason: 'own_work',
    });
  });
});

describe('in force', () => {
  const v = { status: 'published' as const, effectiveFrom: 1000, expiresAt: 2000 };
  it('is in force from the effective date up to, not including, the expiry', () => {
    expect(isInForce(v, 999)).toBe(false);
    expect(isInForce(v, 1000)).toBe(true);
    expect(isInForce(v, 1999)).toBe(true);
    expect(isInForce(v, 2000)).toBe(false);
  });
  it('never expires without an expiry date', () => {
    expect(isInForce({ ...v, expiresAt: null }, 10 ** 13)).toBe(true);
  });
  it('is never in force unless published', () => {
    for (const status of ['draft', 'review', 'retired'] as const) {
      expect(isInForce({ ...v, status }, 1500)).toBe(false);
    }
  });
  it('rejects an expiry at or before the start', () => {
    expect(isValidPeriod(1000, 1000)).toBe(false);
    expect(isValidPeriod(1000, null)).toBe(true);
  });
});

describe('versions', () => {
  it('retires the previous published version when a new one is published', () => {
    const versions = [
      { version: 1, status: 'retired' as const },
      { version: 2, status: 'published' as const },
      { version: 3, status: 'review' as const },
    ];
    expect(versionsRetiredByPublishing(versions, 3)).toEqual([2]);
    expect(mayStartNewVersion(versions)).toBe(false);
    expect(mayStartNewVersion(versions.slice(0, 2))).toBe(true);
    expect(nextVersionNumber(versions)).toBe(4);
    expect(nextVersionNumber([])).toBe(1);
  });
});
