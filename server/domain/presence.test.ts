import { describe, expect, it } from 'vitest';
import { canReceiveOffers, effectiveStatus, type Presence } from './presence';

const presences: Presence[] = ['offline', 'away', 'available', 'break', 'not_responding'];

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

describe('canReceiveOffers', () => {
  it('is true only for an available agent with no work and no pending offer', () => {
    for (const presence of presences) {
      for (const active of [true, false]) {
        for (const pending of [true, false]) {
          expect(canReceiveOffers(presence, active, pending)).toBe(
            presence === 'available' && !active && !pending,
          );
        }
      }
    }
  });
});
