import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallerContext } from '../../shared/schemas/contact';
import { T0 } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render';
import { CallerContextPanel } from './caller-context';

const caller: CallerContext = {
  citizenId: 'z-1',
  name: 'Budi Santoso',
  address: '6281234567890',
  segment: 'public',
  previousContacts: [
    {
      id: 'c-0',
      reference: 'TGP-0000',
      channel: 'voice',
      topic: 'bansos',
      arrivedAt: T0 - 86_400_000,
      status: 'closed',
      agentName: null,
      isAbandoned: true,
      outcome: null,
    },
    {
      id: 'c-00',
      reference: 'TGP-0001',
      channel: 'whatsapp',
      topic: 'bansos',
      arrivedAt: T0 - 2 * 86_400_000,
      status: 'closed',
      agentName: null,
      isAbandoned: false,
      isAfterHours: true,
      outcome: null,
    },
  ],
};

describe('CallerContextPanel', () => {
  it('says when the caller hung up last time before anyone answered', () => {
    renderWithProviders(<CallerContextPanel caller={caller} />);
    expect(screen.getByText(/Belum ada hasil · Ditinggalkan penelepon/)).toBeTruthy();
  });

  it('says when a previous contact came while its queue was closed', () => {
    renderWithProviders(<CallerContextPanel caller={caller} />);
    expect(screen.getByText(/Belum ada hasil · Di luar jam layanan/)).toBeTruthy();
  });
});
