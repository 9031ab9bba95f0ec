import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { sendCommand } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';
import { aCaseDetail, aPendingHandOffCase } from '../../../testing/case-fixtures';
import { T0, aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { CaseBoard } from './case-board';
import { CasePanel } from './case-panel';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn(), subscribeToFacts: vi.fn() }));
const sendCommandMock = vi.mocked(sendCommand);
const DAY = 86_400_000;

beforeEach(() => {
  sendCommandMock.mockReset();
  useLiveStore.getState().reset();
  useLiveStore.getState().setConnection('connected');
  // The server's clock: four days and half an hour into a fourteen-day clock (under 50 %: green).
  useLiveStore.setState({ serverOffsetMs: T0 + 4 * DAY + 30 * 60_000 - Date.now() });
});

describe('CasePanel', () => {
  it('opens an information request from the contact and shows the reference to read out', async () => {
    const created = aCaseDetail();
    sendCommandMock.mockResolvedValue(created);
    const user = userEvent.setup();
    renderWithProviders(<CasePanel contactId="c-1" callerName="Budi Santoso" user={aUser()} />, {
      outboxUserId: 'u-agent1',
    });
    await screen.findByText('Belum ada kasus untuk kontak ini.');
    await user.click(screen.getByTestId('case-new'));
    await user.click(screen.getByTestId('case-new-submit'));
    // Nothing is sent while required fields are empty; the errors name them.
    expect(sendCommandMock).not.toHaveBeenCalled();
    expect(screen.getAllByText('Wajib diisi.').length).toBeGreaterThan(0);

    await user.selectOptions(screen.getByTestId('case-new-type'), 'information_request');
    await user.type(screen.getByTestId('case-new-subject'), 'Data penerima PKH');
    await user.type(screen.getByTestId('case-new-text'), 'Jumlah penerima per kecamatan');
    await user.type(screen.getByTestId('case-new-purpose'), 'Penelitian');
    await user.click(screen.getByTestId('case-new-submit'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith(
        'case:create',
        expect.objectContaining({
          contactId: 'c-1',
          type: 'information_request',
          subject: 'Data penerima PKH',
          requester: { name: 'Budi Santoso' },
          details: expect.objectContaining({ purpose: 'Penelitian', obtainMode: 'copy' }),
          commandId: expect.any(String),
        }),
      ),
    );
    expect((await screen.findByTestId('case-created')).textContent).toContain(
      'TGP-PIP-20260312-00001',
    );
    const card = await screen.findByTestId('case-card');
    expect(within(card).getByTestId('case-reference').textContent).toBe('TGP-PIP-20260312-00001');
    const legal = within(card).getByTestId('case-countdown-legal-notice');
    expect(legal.textContent).toContain('Batas hukum');
    expect(legal.textContent).toContain('9 hari 23 jam lagi');
    expect(legal.dataset.color).toBe('green');
    expect(within(card).getByTestId('case-countdown-internal-notice').textContent).toContain(
      '7 hari 23 jam lagi',
    );
  }, 20_000);

  it('extends the notice with a written reason and shows the refusal the server gives', async () => {
    sendCommandMock.mockRejectedValueOnce(
      new AppError('conflict', 'This clock has already been extended once.'),
    );
    const user = userEvent.setup();
    renderWithProviders(<CasePanel contactId="c-with-case" callerName="Budi" user={aUser()} />, {
      outboxUserId: 'u-agent1',
    });
    await user.click(await screen.findByTestId('case-extend'));
    await user.clear(screen.getByTestId('case-extend-days'));
    await user.type(screen.getByTestId('case-extend-days'), '5');
    await user.type(screen.getByTestId('case-extend-reason'), 'Data tersebar di tiga dinas');
    await user.click(screen.getByTestId('case-extend-submit'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith('case:extend', {
        commandId: expect.any(String),
        caseId: 'case-1',
        clock: 'notice',
        workingDays: 5,
        reason: 'Data tersebar di tiga dinas',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Gagal: /);
    // The form stays open with what was typed, to correct or cancel.
    expect((screen.getByTestId('case-extend-reason') as HTMLTextAreaElement).value).toBe(
      'Data tersebar di tiga dinas',
    );
  }, 20_000);

  it('hands the case to a unit with a note', async () => {
    sendCommandMock.mockResolvedValue(
      aCaseDetail({ case: { withUnitId: 'kanwil-sulsel', withUnitName: 'Kanwil Sulsel' } }),
    );
    const user = userEvent.setup();
    renderWithProviders(<CasePanel contactId="c-with-case" callerName="Budi" user={aUser()} />, {
      outboxUserId: 'u-agent1',
    });
    await user.click(await screen.findByTestId('case-handoff-open'));
    await waitFor(() =>
      expect(screen.getByTestId('case-handoff-unit').textContent).toContain('Sulawesi Selatan'),
    );
    // The contact center's own unit is not offered.
    expect(screen.getByTestId('case-handoff-unit').textContent).not.toContain('Pusat Kontak');
    await user.selectOptions(screen.getByTestId('case-handoff-unit'), 'kanwil-sulsel');
    await user.type(screen.getByTestId('case-handoff-note'), 'Mohon data per kecamatan');
    await user.click(screen.getByTestId('case-handoff-submit'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith('case:hand-off', {
        commandId: expect.any(String),
        caseId: 'case-1',
        unitId: 'kanwil-sulsel',
        note: 'Mohon data per kecamatan',
      }),
    );
  });
});

describe('CaseBoard', () => {
  it('lists open cases in the server order with time to breach, amber past half, red when late or past 80 %', async () => {
    renderWithProviders(<CaseBoard user={aUser({ role: 'lead' })} />, { outboxUserId: 'u-agent1' });
    const rows = await screen.findAllByTestId(/^case-row-/);
    expect(rows.map((row) => row.dataset.testid)).toEqual([
      'case-row-TGP-PGD-20260301-00001',
      'case-row-TGP-PIP-20260305-00002',
      'case-row-TGP-PIP-20260312-00001',
    ]);
    expect(rows[0]!.textContent).toContain('lewat 1 hari 0 jam');
    expect(rows[0]!.textContent).toContain('Melewati batas hukum');
    expect(rows[0]!.textContent).toContain('Melewati batas hukum');
    expect(rows[1]!.querySelector('[data-color]')?.getAttribute('data-color')).toBe('orange');
    expect(rows[2]!.querySelector('[data-color]')?.getAttribute('data-color')).toBe('green');
    await userEvent.setup().click(within(rows[2]!).getByRole('button'));
    expect(await screen.findByTestId('case-card')).toBeTruthy();
  });

  it("names a lead's whole board their team's, an administrator's every case", async () => {
    const { unmount } = renderWithProviders(<CaseBoard user={aUser({ role: 'lead' })} />, {
      outboxUserId: 'u-agent1',
    });
    const scope = await screen.findByRole('radiogroup', { name: 'Cakupan' });
    expect(within(scope).getByLabelText('Tim saya')).toBeTruthy();
    expect(within(scope).queryByLabelText('Semua')).toBeNull();
    unmount();
    renderWithProviders(<CaseBoard user={aUser({ id: 'u-admin', role: 'admin' })} />, {
      outboxUserId: 'u-agent1',
    });
    const adminScope = await screen.findByRole('radiogroup', { name: 'Cakupan' });
    expect(within(adminScope).getByLabelText('Semua')).toBeTruthy();
    expect(within(adminScope).queryByLabelText('Tim saya')).toBeNull();
  });

  it('lets unit staff acknowledge a hand-off from their inbox', async () => {
    const pending = aPendingHandOffCase();
    sendCommandMock.mockResolvedValue(pending);
    const user = userEvent.setup();
    renderWithProviders(<CaseBoard user={aUser({ id: 'u-unit', role: 'unit' })} />, {
      outboxUserId: 'u-agent1',
    });
    const row = await screen.findByTestId('case-row-TGP-PIP-20260312-00009');
    await user.click(within(row).getByRole('button'));
    expect((await screen.findByTestId('case-handoff')).textContent).toContain(
      'menunggu konfirmasi',
    );
    // Not acknowledged yet: no work on the case itself.
    expect(screen.queryByTestId('case-step')).toBeNull();
    await user.click(screen.getByTestId('case-acknowledge'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith('case:acknowledge-hand-off', {
        commandId: expect.any(String),
        handOffId: 'h-1',
      }),
    );
  });
});
