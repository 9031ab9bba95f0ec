import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { sendCommand } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';
import { anOutcomeRecord, referenceData } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { wrapupDraftKey } from '../hooks/use-wrapup-draft';
import { loadUsedAnswers, recordUsedAnswer } from '../used-answers';
import { WrapupForm } from './wrapup-form';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn() }));
const sendCommandMock = vi.mocked(sendCommand);

const reference = referenceData();

function renderForm() {
  return renderWithProviders(
    <WrapupForm
      contactId="c-1"
      userId="u-agent1"
      wrapupCodes={reference.wrapupCodes}
      staff={reference.staff}
    />,
    { outboxUserId: 'u-agent1' },
  );
}

function outcomePayloads() {
  return sendCommandMock.mock.calls
    .filter(([name]) => name === 'outcome:log')
    .map(([, payload]) => payload as Record<string, unknown>);
}

beforeEach(() => {
  sendCommandMock.mockReset();
  useLiveStore.getState().reset();
  useLiveStore.getState().setConnection('connected');
});

describe('WrapupForm', () => {
  it('requires a wrap-up code and sends nothing without one', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByTestId('wrapup-notes'), 'Sudah dijelaskan');
    await user.click(screen.getByTestId('wrapup-submit'));
    expect(await screen.findByText('Pilih kode penyelesaian.')).toBeTruthy();
    expect(sendCommandMock).not.toHaveBeenCalled();
  });

  it('opens a case with the outcome when asked, with the register fields of its type', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord());
    const user = userEvent.setup();
    renderWithProviders(
      <WrapupForm
        contactId="c-1"
        userId="u-agent1"
        wrapupCodes={reference.wrapupCodes}
        staff={reference.staff}
        callerName="Budi Santoso"
      />,
      { outboxUserId: 'u-agent1' },
    );
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.click(screen.getByTestId('wrapup-case-toggle'));
    await user.selectOptions(screen.getByTestId('wrapup-case-type'), 'complaint');
    await user.click(screen.getByTestId('wrapup-submit'));
    // The case's own fields are required before anything is sent.
    expect((await screen.findAllByText('Wajib diisi.')).length).toBe(2);
    expect(sendCommandMock).not.toHaveBeenCalled();
    await user.type(screen.getByTestId('wrapup-case-subject'), 'Antrean KTP-el');
    await user.type(screen.getByTestId('wrapup-case-text'), 'Tiga kali datang, selalu ditolak');
    await user.click(screen.getByTestId('wrapup-submit'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    expect(outcomePayloads()[0]).toMatchObject({
      case: {
        type: 'complaint',
        subject: 'Antrean KTP-el',
        requester: { name: 'Budi Santoso' },
        details: { description: 'Tiga kali datang, selalu ditolak' },
      },
    });
  }, 20_000);

  it('leaves the follow-up out unless it is switched on', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord());
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.type(screen.getByTestId('wrapup-notes'), 'Syarat dijelaskan');
    expect(screen.queryByTestId('followup-section')).toBeNull();
    await user.click(screen.getByTestId('wrapup-submit'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    const [payload] = outcomePayloads();
    expect(payload).toMatchObject({
      contactId: 'c-1',
      wrapupCode: 'answered',
      notes: 'Syarat dijelaskan',
    });
    expect(payload).not.toHaveProperty('followUp');
  });

  it('includes the follow-up when switched on, and asks for its title', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord());
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.click(screen.getByTestId('wrapup-followup-toggle'));
    await user.click(screen.getByTestId('wrapup-submit'));
    expect(await screen.findByText('Isi judul tugas.')).toBeTruthy();
    expect(sendCommandMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('followup-title'), 'Kirim formulir');
    await user.selectOptions(screen.getByTestId('followup-owner'), 'u-agent2');
    await user.click(screen.getByTestId('wrapup-submit'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    const followUp = outcomePayloads()[0]?.followUp as Record<string, unknown>;
    expect(followUp).toMatchObject({ title: 'Kirim formulir', ownerId: 'u-agent2' });
    expect(typeof followUp.dueAt).toBe('number');
  });

  it('shows the follow-up by itself for a code that needs one', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'escalated');
    expect(screen.getByTestId('followup-section')).toBeTruthy();
    expect((screen.getByTestId('wrapup-followup-toggle') as HTMLInputElement).disabled).toBe(true);
  });

  it('after no answer, sends again with the same command id once the connection is back', async () => {
    sendCommandMock
      .mockRejectedValueOnce(new AppError('timeout', 'no ack'))
      .mockResolvedValueOnce(anOutcomeRecord({ contact: { id: 'c-1' } }));
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.click(screen.getByTestId('wrapup-submit'));
    // No answer: kept on the device, the conversation not closed, said so.
    expect(await screen.findByTestId('wrapup-pending')).toBeTruthy();
    expect(outcomePayloads()).toHaveLength(1);

    act(() => useLiveStore.getState().setConnection('reconnecting'));
    act(() => useLiveStore.getState().setConnection('connected'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(2));
    const [first, second] = outcomePayloads();
    expect(first?.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.commandId).toBe(first?.commandId);
    // Success drops the draft.
    await waitFor(() =>
      expect(window.localStorage.getItem(wrapupDraftKey('u-agent1', 'c-1'))).toBeNull(),
    );
  });

  it('keeps the draft, command id included, across a remount', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord());
    const user = userEvent.setup();
    const first = renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.type(screen.getByTestId('wrapup-notes'), 'Catatan yang tidak boleh hilang');
    const storedBefore = JSON.parse(
      window.localStorage.getItem(wrapupDraftKey('u-agent1', 'c-1')) ?? '{}',
    ) as { commandId?: string };
    first.unmount();

    renderForm();
    expect((screen.getByTestId('wrapup-notes') as HTMLTextAreaElement).value).toBe(
      'Catatan yang tidak boleh hilang',
    );
    expect((screen.getByTestId('wrapup-code') as HTMLSelectElement).value).toBe('answered');
    await user.click(screen.getByTestId('wrapup-submit'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    expect(outcomePayloads()[0]?.commandId).toBe(storedBefore.commandId);
  });

  it('submitted offline: saved on the device, shown as such, sent once when connected, through a reload', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord({ contact: { id: 'c-1' } }));
    useLiveStore.getState().setConnection('reconnecting');
    const user = userEvent.setup();
    const before = renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.type(screen.getByTestId('wrapup-notes'), 'Ditulis tanpa koneksi');
    await user.click(screen.getByTestId('wrapup-submit'));
    expect((await screen.findByTestId('wrapup-pending')).textContent).toContain(
      'Tersimpan di perangkat, akan dikirim',
    );
    expect(outcomePayloads()).toHaveLength(0);

    // The page is reloaded while still offline: the outbox and the draft come back from storage.
    before.unmount();
    renderForm();
    expect(await screen.findByTestId('wrapup-pending')).toBeTruthy();
    expect(outcomePayloads()).toHaveLength(0);

    act(() => useLiveStore.getState().setConnection('connected'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    expect(outcomePayloads()[0]).toMatchObject({ notes: 'Ditulis tanpa koneksi' });
    await waitFor(() =>
      expect(window.localStorage.getItem(wrapupDraftKey('u-agent1', 'c-1'))).toBeNull(),
    );
    act(() => useLiveStore.getState().setConnection('reconnecting'));
    act(() => useLiveStore.getState().setConnection('connected'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outcomePayloads()).toHaveLength(1);
  }, 20_000);

  it('does not resend by itself what the server refused, and shows the refusal', async () => {
    sendCommandMock.mockRejectedValueOnce(new AppError('invalid_payload', 'bad code'));
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.click(screen.getByTestId('wrapup-submit'));
    expect(await screen.findByTestId('wrapup-error')).toBeTruthy();
    act(() => useLiveStore.getState().setConnection('reconnecting'));
    act(() => useLiveStore.getState().setConnection('connected'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outcomePayloads()).toHaveLength(1);
  });

  it('cites the answers used in the conversation, less one removed by mistake, and then forgets them', async () => {
    sendCommandMock.mockResolvedValue(anOutcomeRecord());
    recordUsedAnswer('c-1', {
      answerId: 'kb-pkh-syarat',
      version: 3,
      title: 'Syarat PKH',
      source: 'Permensos 1/2018 Pasal 5',
      via: 'inserted',
    });
    recordUsedAnswer('c-1', {
      answerId: 'kb-kis-aktif',
      version: 1,
      title: 'KIS aktif kembali',
      source: 'Permensos 21/2019 Pasal 18',
      via: 'read',
    });
    const user = userEvent.setup();
    renderForm();
    const used = screen.getAllByTestId('used-answer');
    expect(used.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Syarat PKH v3'),
      expect.stringContaining('KIS aktif kembali v1'),
    ]);
    expect(used[1]!.textContent).toContain('dibacakan');
    await user.click(screen.getByRole('button', { name: 'Hapus “KIS aktif kembali” dari daftar' }));
    expect(screen.getAllByTestId('used-answer')).toHaveLength(1);

    await user.selectOptions(screen.getByTestId('wrapup-code'), 'answered');
    await user.click(screen.getByTestId('wrapup-submit'));
    await waitFor(() => expect(outcomePayloads()).toHaveLength(1));
    expect(outcomePayloads()[0]?.usedAnswers).toEqual([{ answerId: 'kb-pkh-syarat', version: 3 }]);
    await waitFor(() => expect(loadUsedAnswers('c-1')).toEqual([]));
  });
});
