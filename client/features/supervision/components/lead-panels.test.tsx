import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendCommand, subscribeToFacts, type FactEvent } from '../../../lib/socket';
import { renderWithProviders } from '../../../testing/render';
import { aLeadAlert, anAnnouncement, anEscalation } from '../../../testing/team-lead-fixtures';
import { useLeadFacts } from '../hooks/use-lead-facts';
import { AlertsPanel } from './alerts-panel';
import { AnnouncementPanel } from './announcement-panel';
import { EscalationsPanel } from './escalations-panel';
import { aUser } from '../../../testing/fixtures';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn(), sendCommand: vi.fn() }));

let pushFact: (event: FactEvent) => void = () => undefined;

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation((listener) => {
    pushFact = listener;
    return () => undefined;
  });
  vi.mocked(sendCommand).mockReset();
});

function LeadSide() {
  useLeadFacts();
  return (
    <>
      <EscalationsPanel />
      <AlertsPanel />
      <AnnouncementPanel user={aUser({ id: 'u-lead1', role: 'lead', displayName: 'Agus' })} />
    </>
  );
}

describe('the lead side panels', { timeout: 15_000 }, () => {
  it('acknowledges an alert and shows who did', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue(
      aLeadAlert({ acknowledgedAt: Date.UTC(2026, 10, 28, 2, 5), acknowledgedByName: 'Agus' }),
    );
    renderWithProviders(<LeadSide />);
    const alert = await screen.findByTestId('alert-queue_over_threshold');
    expect(alert.textContent).toContain('Antrean Bansos · Digital melewati ambang');
    expect(alert.textContent).toContain('7 menunggu');
    await user.click(within(alert).getByRole('button', { name: 'Tandai sudah dilihat' }));
    expect(vi.mocked(sendCommand).mock.calls[0]![0]).toBe('alert:acknowledge');
    expect(vi.mocked(sendCommand).mock.calls[0]![1]).toMatchObject({ alertId: 'alert-1' });
    await waitFor(() =>
      expect(within(alert).getByTestId('alert-acknowledged-by').textContent).toContain(
        'Dilihat Agus',
      ),
    );
  });

  it('answers an escalation; a new one pushed live appears first', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue(
      anEscalation({
        status: 'answered',
        answer: 'Tawarkan jalur pengaduan',
        handledByName: 'Agus',
        version: 1,
      }),
    );
    renderWithProviders(<LeadSide />);
    const escalation = await screen.findByTestId('escalation');
    await user.type(
      within(escalation).getByLabelText('Jawaban untuk Rina Wulandari'),
      'Tawarkan jalur pengaduan',
    );
    await user.click(within(escalation).getByRole('button', { name: 'Kirim jawaban' }));
    expect(vi.mocked(sendCommand).mock.calls[0]![0]).toBe('escalation:answer');
    await waitFor(() => expect(escalation.dataset.status).toBe('answered'));
    expect(escalation.textContent).toContain('Agus: Tawarkan jalur pengaduan');

    act(() =>
      pushFact({
        name: 'escalation:changed',
        fact: anEscalation({ id: 'esc-2', agentName: 'Budi Santoso', raisedAt: Date.now() }),
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId('escalation')).toHaveLength(2));
    // Open ones come first.
    expect(screen.getAllByTestId('escalation')[0]!.textContent).toContain('Budi Santoso');
  });

  it('counts readers of an announcement as they acknowledge, live', async () => {
    renderWithProviders(<LeadSide />);
    const count = await screen.findByTestId('announcement-read-count');
    expect(count.textContent).toBe('0 dari 2 sudah membaca');
    act(() =>
      pushFact({
        name: 'announcement:acknowledged',
        fact: {
          announcementId: anAnnouncement().id,
          agentId: 'u-agent1',
          agentName: 'Rina Wulandari',
          acknowledgedAt: Date.now(),
        },
      }),
    );
    await waitFor(() => expect(count.textContent).toBe('1 dari 2 sudah membaca'));
    expect(screen.getByTestId('announcement').textContent).toContain('Belum membaca: Budi Santoso');
  });

  it('publishes an announcement to the own team with a command id', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue(anAnnouncement({ id: 'ann-2' }));
    renderWithProviders(<LeadSide />);
    await user.type(await screen.findByLabelText('Isi pengumuman'), 'Rapat singkat 15.00');
    await user.click(screen.getByRole('button', { name: 'Umumkan' }));
    await waitFor(() => expect(sendCommand).toHaveBeenCalled());
    const [name, payload] = vi.mocked(sendCommand).mock.calls[0]!;
    expect(name).toBe('announcement:publish');
    expect(payload).toMatchObject({ teamId: 'team-1', text: 'Rapat singkat 15.00' });
    expect((payload as { commandId: string }).commandId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
