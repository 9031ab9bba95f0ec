import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallerContext } from '../../shared/schemas/contact';
import { T0, anOutcomeRecord } from '../testing/fixtures';
import { aProvenance } from '../testing/reply-tools-fixtures';
import { renderWithProviders } from '../testing/render';
import { CallerContextPanel } from './caller-context';
import { OutcomeList } from './outcome-list';

const caller: CallerContext = {
  citizenId: 'z-1',
  name: 'Budi Santoso',
  address: '6281234567890',
  segment: 'public',
  isSegmentVerified: false,
  organisation: null,
  nikMasked: null,
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

describe('the caller’s ID number', () => {
  const withNik: CallerContext = {
    ...caller,
    isSegmentVerified: true,
    organisation: 'Kelurahan Menteng',
    nikMasked: '************0123',
  };

  it('is masked, and revealed to the serving agent only after they say why', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CallerContextPanel caller={withNik} canRevealNik />);
    expect(screen.getByTestId('segment-verified').textContent).toBe('Terverifikasi');
    expect(screen.getByText('Kelurahan Menteng')).toBeTruthy();
    expect(screen.getByTestId('nik-value').textContent).toBe('************0123');
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await user.type(screen.getByTestId('nik-reason'), 'cek');
    await user.click(screen.getByTestId('nik-reveal'));
    expect(await screen.findByText('Tulis alasannya, paling sedikit 5 huruf.')).toBeTruthy();
    await user.type(screen.getByTestId('nik-reason'), ' data DTKS');
    await user.click(screen.getByTestId('nik-reveal'));
    await screen.findByText('3171234567890123');
  });

  it('offers no reveal to someone only watching', () => {
    renderWithProviders(<CallerContextPanel caller={withNik} />);
    expect(screen.getByTestId('nik-value').textContent).toBe('************0123');
    expect(screen.queryByRole('button', { name: 'Tampilkan' })).toBeNull();
  });

  it('shows what each earlier answer rested on: the answer versions and the script version', () => {
    renderWithProviders(
      <CallerContextPanel
        caller={{
          ...caller,
          previousContacts: [
            {
              ...caller.previousContacts[0]!,
              isAbandoned: false,
              agentName: 'Dewi',
              outcome: {
                wrapupCode: 'answered',
                notes: 'Syarat dijelaskan.',
                createdAt: T0 - 86_000_000,
                provenance: aProvenance(),
              },
            },
            // Logged before provenance was recorded: nothing to show, nothing breaks.
            {
              ...caller.previousContacts[1]!,
              isAfterHours: false,
              outcome: { wrapupCode: 'answered', notes: '', createdAt: T0 - 2 * 86_000_000 },
            },
          ],
        }}
      />,
    );
    const shown = screen.getAllByTestId('outcome-provenance');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.textContent).toBe(
      'Jawaban: Syarat PKH v3 (Permensos 1/2018 Pasal 5) · Skrip: Bansos v2',
    );
    expect(shown[0]!.querySelector('[title]')?.getAttribute('title')).toBe(
      'Langkah skrip: Salam → Sudah terdaftar? (Belum)',
    );
  });

  it('shows the provenance on the outcomes supervisors read, and nothing when there is none', () => {
    renderWithProviders(
      <OutcomeList
        records={[
          {
            ...anOutcomeRecord({ id: 'o-1', contact: { reference: 'TGP-1' } }),
            provenance: aProvenance({ script: null }),
          },
          {
            ...anOutcomeRecord({ id: 'o-2', contact: { id: 'c-2', reference: 'TGP-2' } }),
            provenance: { answers: [], script: null },
          },
        ]}
      />,
    );
    expect(screen.getByTestId('outcome-TGP-1').textContent).toContain(
      'Jawaban: Syarat PKH v3 (Permensos 1/2018 Pasal 5)',
    );
    expect(screen.getByTestId('outcome-TGP-1').textContent).not.toContain('Skrip');
    expect(screen.getByTestId('outcome-TGP-2').textContent).not.toContain('Jawaban');
  });
});

describe('the caller panel of someone watching', () => {
  it('shows the name and segment only, and says the profile is withheld', () => {
    renderWithProviders(
      <CallerContextPanel
        caller={{
          ...caller,
          address: null,
          previousContacts: [],
          isSegmentVerified: true,
          isProfileWithheld: true,
        }}
      />,
    );
    expect(screen.getByText('Budi Santoso')).toBeTruthy();
    expect(screen.getByTestId('segment-verified')).toBeTruthy();
    expect(screen.getByTestId('caller-withheld').textContent).toContain('UU 27/2022');
    expect(screen.queryByText('Kontak sebelumnya (0)')).toBeNull();
    expect(screen.queryByTestId('nik-field')).toBeNull();
  });
});
