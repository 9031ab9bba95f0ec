import type { Channel } from '../../shared/schemas/common';

/**
 * One citizen reaches us from many numbers and addresses; normalising the obvious variants
 * (0812…, +62 812…, 62-812…) lets their history follow them across channels.
 */
export function normalizeAddress(channel: Channel, from: string): string {
  const trimmed = from.trim();
  if (channel === 'email' || (trimmed.includes('@') && !trimmed.startsWith('@'))) {
    return trimmed.toLowerCase();
  }
  if (channel === 'social') return trimmed.toLowerCase();
  const digits = trimmed.replace(/[^\d+]/g, '');
  if (/^\+?\d{6,15}$/.test(digits)) {
    const bare = digits.replace(/^\+/, '');
    if (bare.startsWith('0')) return `62${bare.slice(1)}`;
    return bare;
  }
  return trimmed.toLowerCase();
}

export type AddressKind = 'phone' | 'email' | 'handle';

/** What a normalised address is: a phone number (digits), an e-mail address, or a handle. */
export function addressKind(address: string): AddressKind {
  if (/^\d{6,15}$/.test(address)) return 'phone';
  if (address.includes('@') && !address.startsWith('@')) return 'email';
  return 'handle';
}
