import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendCommand, subscribeToFacts } from '../../../lib/socket';
import { anAgentView } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { ForceStatusModal } from './force-status-modal';
import { TeamWallboard } from './team-wallboard';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn(), sendCommand: vi.fn() }));

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation(() => () => undefined);
  vi.mocked(sendCommand).mockReset();
});

describe('TeamWallboard and ForceStatusModal', { timeout: 15_000 }, () => {
  it("names the lead's team and lists its follow-ups near breach", async () => {
    renderWithProviders(<TeamWallboard isAdmin={false} />);
    expect((await screen.findByTestId('wallboard-title')).textContent).toBe(
      'Papan pantau Tim Layanan 1',
    );
    expect(screen.getByTestId('nearing-breach').textContent).toContain(
      'Tidak ada tindak lanjut yang mendekati batas waktu.',
    );
    // A lead has no team switch; an administrator does.
    expect(screen.queryByLabelText('Pilih tim')).toBeNull();
  });

  it('lets an administrator pick a team or the whole floor', async () => {
    renderWithProviders(<TeamWallboard isAdmin />);
    expect((await screen.findByTestId('wallboard-title')).textContent).toBe(
      'Papan pantau Semua tim',
    );
    await userEvent.setup().click(screen.getByText('Tim Layanan 1'));
    await waitFor(() =>
      expect(screen.getByTestId('wallboard-title').textContent).toBe('Papan pantau Tim Layanan 1'),
    );
  });

  it('lifts Not responding with a prefilled reason and one command id', async () => {
    const user = userEvent.setup();
    const agent = anAgentView({ status: 'not_responding', displayName: 'Rina Wulandari' });
    vi.mocked(sendCommand).mockResolvedValue({ ...agent, status: 'available' });
    const onClose = vi.fn();
    renderWithProviders(
      <ForceStatusModal request={{ agent, status: 'available', isLift: true }} onClose={onClose} />,
    );
    const reason = await screen.findByLabelText(/Alasan/);
    expect((reason as HTMLInputElement).value).toBe('Petugas sudah kembali di meja');
    await user.click(screen.getByRole('button', { name: 'Ubah status' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [name, payload] = vi.mocked(sendCommand).mock.calls[0]!;
    expect(name).toBe('agent:force-status');
    expect(payload).toMatchObject({
      agentId: agent.id,
      status: 'available',
      reason: 'Petugas sudah kembali di meja',
    });
  });

  it('shows why a status change was refused and keeps the dialog', async () => {
    const user = userEvent.setup();
    const agent = anAgentView({ displayName: 'Yohanes Manurung' });
    vi.mocked(sendCommand).mockRejectedValue(
      Object.assign(new Error("This agent is in another team; lead your own team's."), {
        code: 'forbidden',
      }),
    );
    const onClose = vi.fn();
    renderWithProviders(
      <ForceStatusModal request={{ agent, status: 'break', isLift: false }} onClose={onClose} />,
    );
    await user.type(await screen.findByLabelText(/Alasan/), 'Istirahat');
    await user.click(screen.getByRole('button', { name: 'Ubah status' }));
    await waitFor(() =>
      expect(
        screen.getAllByRole('alert').some((el) => el.textContent?.includes('Status gagal diubah')),
      ).toBe(true),
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
