import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendCommand, subscribeToFacts, type FactEvent } from '../../../lib/socket';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { anAnnouncement, anEscalation } from '../../../testing/team-lead-fixtures';
import { LeadMessages } from './lead-messages';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn(), sendCommand: vi.fn() }));

let pushFact: (event: FactEvent) => void = () => undefined;

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation((listener) => {
    pushFact = listener;
    return () => undefined;
  });
  vi.mocked(sendCommand).mockReset();
});

describe('LeadMessages on the desk', { timeout: 15_000 }, () => {
  it('shows an announcement until the agent acknowledges it', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue({ ...anAnnouncement(), acknowledgedAt: Date.now() });
    renderWithProviders(<LeadMessages user={aUser()} />);
    const banner = await screen.findByTestId('announcement-banner');
    expect(banner.textContent).toContain('dibantu dua petugas tambahan');
    await user.click(within(banner).getByRole('button', { name: 'Sudah saya baca' }));
    expect(vi.mocked(sendCommand).mock.calls[0]![0]).toBe('announcement:acknowledge');
    await waitFor(() => expect(screen.queryByTestId('announcement-banner')).toBeNull());
  });

  it('escalates in one action and shows the lead answer when it comes', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue(anEscalation({ contactId: null }));
    renderWithProviders(<LeadMessages user={aUser()} />);
    await user.click(await screen.findByTestId('escalate-button'));
    await user.type(await screen.findByLabelText(/Apa masalahnya/), 'Penelepon marah');
    await user.click(screen.getByRole('button', { name: 'Kirim ke ketua tim' }));
    await waitFor(() => expect(sendCommand).toHaveBeenCalled());
    expect(vi.mocked(sendCommand).mock.calls[0]).toMatchObject([
      'escalation:raise',
      { text: 'Penelepon marah', contactId: null },
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('my-escalation').textContent).toContain('Menunggu ketua tim'),
    );
    act(() =>
      pushFact({
        name: 'escalation:changed',
        fact: anEscalation({
          contactId: null,
          status: 'answered',
          answer: 'Saya bantu',
          handledByName: 'Agus Prasetyo',
          version: 1,
        }),
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('my-escalation').textContent).toContain(
        'Agus Prasetyo menjawab: Saya bantu',
      ),
    );
  });

  it('says who changed the status and why, pushed live', async () => {
    renderWithProviders(<LeadMessages user={aUser()} />);
    await screen.findByTestId('escalate-button');
    act(() =>
      pushFact({
        name: 'agent:status-forced',
        fact: {
          agentId: 'u-agent1',
          status: 'break',
          fromStatus: 'available',
          byName: 'Agus Prasetyo',
          reason: 'Istirahat sebentar',
          at: Date.now(),
        },
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('status-forced-banner').textContent).toContain(
        'Status Anda diubah ke Istirahat oleh Agus Prasetyo: Istirahat sebentar',
      ),
    );
  });
});
