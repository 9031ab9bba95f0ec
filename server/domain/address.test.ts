import { describe, expect, it } from 'vitest';
import { normalizeAddress } from './address';

describe('normalizeAddress', () => {
  it('folds Indonesian phone number variants to one form', () => {
    for (const from of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '(0812) 34567890',
    ]) {
      expect(normalizeAddress('voice', from)).toBe('6281234567890');
    }
    expect(normalizeAddress('whatsapp', '+62 812 3456 7890')).toBe('6281234567890');
  });

  it('lower-cases e-mail addresses and handles', () => {
    expect(normalizeAddress('email', ' Siti.Rahayu@Example.ID ')).toBe('siti.rahayu@example.id');
    expect(normalizeAddress('social', '@WargaPeduli')).toBe('@wargapeduli');
  });
});
