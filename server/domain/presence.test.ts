import { describe, expect, it } from 'vitest';
import {
  afterContactClosed,
  effectiveStatus,
  hasTimedPresenceEnded,
  type Presence,
} from './presence';

const presences: Presence[] = [
  'offline',
  'away',
  'available',
  'after_contact_work',
  'break',
  'training',
  'not_responding',
];

describe('effectiveStatus', () => {
  it('shows on_contact while a conversation is held, unless offline', () => {
    for (const presence of presences) {
      expect(effectiveStatus(presence, true)).toBe(
        presence === 'offline' ? 'offline' : 'on_contact',
      );
    }
  });

  it('shows the presence when no conversation is held', () => {
    for (const presence of presences) expect(effectiveStatus(presence, false)).toBe(presence);
  });
});

describe('after-contact work', () => {
  it('starts the queue wrap-up time for an agent who was taking work', () => {
    expect(afterContactClosed('available', 30_000, 1_000)).toEqual({
      presence: 'after_contact_work',
      until: 31_000,
    });
  });

  it('does nothing without a wrap-up time, or for an agent on break, training or away', () => {
    expect(afterContactClosed('available', 0, 1_000)).toBeUndefined();
    for (const presence of ['break', 'training', 'away', 'not_responding', 'offline'] as const) {
      expect(afterContactClosed(presence, 30_000, 1_000)).toBeUndefined();
    }
  });

  it('ends exactly at its limit', () => {
    expect(hasTimedPresenceEnded('after_contact_work', 31_000, 30_999)).toBe(false);
    expect(hasTimedPresenceEnded('after_contact_work', 31_000, 31_000)).toBe(true);
    expect(hasTimedPresenceEnded('break', 31_000, 40_000)).toBe(false);
  });
});
