import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { sendCommand } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';
import { aConversation, anOffer, aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { DeskScreen } from './desk-screen';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn() }));
const sendCommandMock = vi.mocked(sendCommand);

const frame = { user: aUser(), onSignOut: () => undefined, isSigningOut: false };

function liveOffer(id = 'o-1') {
  const now = Date.now();
  return anOffer({ id, createdAt: now, expiresAt: now + 20_000 });
}

async function renderDesk() {
  const view = renderWithProviders(<DeskScreen frame={frame} />);
  await screen.findByTestId('current-status');
  return view;
}

beforeEach(() => {
  sendCommandMock.mockReset();
  useLiveStore.getState().reset();
});

describe('DeskScreen', () => {
  it('shows a new offer in place, announces it, and leaves focus where it was', async () => {
    await renderDesk();
    const breakButton = screen.getByTestId('status-break');
    breakButton.focus();
    act(() => useLiveStore.getState().ingestFact({ name: 'offer:created', fact: liveOffer() }));
    expect(await screen.findByTestId('offer-card')).toBeTruthy();
    expect(screen.getByTestId('live-announcer').textContent).toContain('Tawaran baru TGP-0001');
    expect(document.activeElement).toBe(breakButton);
  });

  it('accepts the first offer with A', async () => {
    sendCommandMock.mockResolvedValue(aConversation());
    await renderDesk();
    act(() => useLiveStore.getState().ingestFact({ name: 'offer:created', fact: liveOffer() }));
    await screen.findByTestId('offer-card');
    await userEvent.setup().keyboard('a');
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith('offer:accept', { offerId: 'o-1' }),
    );
    expect(await screen.findByTestId('conversation')).toBeTruthy();
    expect(screen.getByTestId('caller-context').textContent).toContain('Budi Santoso');
  });

  it('does not take shortcuts while the agent types', async () => {
    const user = userEvent.setup();
    await renderDesk();
    act(() => {
      useLiveStore.getState().deskAccepted(aConversation({ id: 'c-held', reference: 'TGP-0002' }));
      useLiveStore.getState().ingestFact({ name: 'offer:created', fact: liveOffer() });
    });
    const notes = await screen.findByTestId('wrapup-notes');
    await user.type(notes, 'warga');
    expect((notes as HTMLTextAreaElement).value).toBe('warga');
    expect(sendCommandMock).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for a reason when rejecting with R, then rejects', async () => {
    sendCommandMock.mockResolvedValue({ offerId: 'o-1' });
    const user = userEvent.setup();
    await renderDesk();
    act(() => useLiveStore.getState().ingestFact({ name: 'offer:created', fact: liveOffer() }));
    await screen.findByTestId('offer-card');
    await user.keyboard('r');
    await user.type(await screen.findByTestId('offer-reject-reason'), 'Di luar keahlian');
    await user.click(screen.getByTestId('offer-reject-confirm'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith('offer:reject', {
        offerId: 'o-1',
        reason: 'Di luar keahlian',
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('offer-card')).toBeNull());
  });

  it('tells the agent who moved their conversation away, to whom and why', async () => {
    await renderDesk();
    act(() => {
      useLiveStore.getState().deskAccepted(aConversation());
      useLiveStore.getState().ingestFact({
        name: 'conversation:revoked',
        fact: {
          agentId: 'u-agent1',
          contactId: 'c-1',
          reference: 'TGP-0001',
          byName: 'Rina Lead',
          toAgentName: 'Joko Agen',
          reason: 'Butuh keahlian pajak',
        },
      });
    });
    const notice = await screen.findByTestId('notice-revoked');
    expect(notice.textContent).toContain('Rina Lead');
    expect(notice.textContent).toContain('Joko Agen');
    expect(notice.textContent).toContain('Butuh keahlian pajak');
    expect(screen.queryByTestId('conversation')).toBeNull();
  });

  it('shows each held chat in its own tab with its unread count, and switches with a click or ]', async () => {
    const user = userEvent.setup();
    await renderDesk();
    const first = aConversation({ id: 'c-1', reference: 'TGP-0001', citizenName: 'Siti Rahayu' });
    const second = aConversation({ id: 'c-2', reference: 'TGP-0002', citizenName: 'Ahmad Fauzi' });
    act(() => {
      useLiveStore.getState().deskAccepted(first);
      useLiveStore.getState().ingestFact({
        name: 'conversation:assigned',
        fact: {
          agentId: 'u-agent1',
          conversation: second,
          reason: 'transferred',
          byName: 'Joko Agen',
          note: null,
        },
      });
    });
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      expect.stringContaining('Siti Rahayu'),
      expect.stringContaining('Ahmad Fauzi'),
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('conversation-tab-c-2').textContent).toContain('1');
    expect(screen.getByLabelText('1 pesan belum dibaca')).toBeTruthy();

    await user.click(tabs[1]!);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByLabelText('1 pesan belum dibaca')).toBeNull();
    expect(screen.getByTestId('caller-context').textContent).toContain('Ahmad Fauzi');

    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(']');
    await waitFor(() => expect(tabs[0]!.getAttribute('aria-selected')).toBe('true'));
  });

  it('keeps a half-written reply in its tab while the agent answers another chat', async () => {
    const user = userEvent.setup();
    await renderDesk();
    act(() => {
      useLiveStore.getState().deskAccepted(aConversation({ id: 'c-1', citizenName: 'Siti' }));
      useLiveStore.getState().deskAccepted(aConversation({ id: 'c-2', citizenName: 'Ahmad' }));
    });
    const panelOf = (id: string) =>
      screen.getAllByTestId('conversation').find((el) => el.dataset.contactId === id)!;
    const replyOf = (id: string) =>
      panelOf(id).querySelector('[data-testid="reply-text"]') as HTMLTextAreaElement;
    await user.type(replyOf('c-2'), 'Sebentar, saya cek');
    await user.click(screen.getByRole('tab', { name: /Siti/ }));
    await user.click(screen.getByRole('tab', { name: /Ahmad/ }));
    expect(replyOf('c-2').value).toBe('Sebentar, saya cek');
  });

  it('walks the script: Lanjut, then the citizen’s answer, and the panel follows the ack', async () => {
    const user = userEvent.setup();
    await renderDesk();
    act(() => useLiveStore.getState().deskAccepted(aConversation()));
    const panel = await screen.findByTestId('script-panel');
    expect(panel.textContent).toContain('Langkah wajib belum dilalui: Referensi');
    sendCommandMock.mockResolvedValueOnce({
      contactId: 'c-1',
      progress: {
        path: [
          { stepId: 'st-1', optionId: null },
          { stepId: 'st-2', optionId: null },
        ],
        isFinished: false,
      },
      pendingRequired: ['st-3'],
      revision: 1,
    });
    await user.click(screen.getByTestId('script-next'));
    expect(sendCommandMock).toHaveBeenCalledWith('script:answer', {
      contactId: 'c-1',
      atStepId: 'st-1',
      optionId: null,
    });
    const answer = await screen.findByTestId('script-option-belum');
    expect(screen.getByTestId('script-taken').textContent).toContain('Sapa');
    sendCommandMock.mockResolvedValueOnce({
      contactId: 'c-1',
      progress: {
        path: [
          { stepId: 'st-1', optionId: null },
          { stepId: 'st-2', optionId: 'belum' },
          { stepId: 'st-3', optionId: null },
        ],
        isFinished: false,
      },
      pendingRequired: ['st-3'],
      revision: 2,
    });
    await user.click(answer);
    expect(sendCommandMock).toHaveBeenLastCalledWith('script:answer', {
      contactId: 'c-1',
      atStepId: 'st-2',
      optionId: 'belum',
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('script-taken').map((el) => el.textContent)).toEqual([
        '✓ Sapa',
        '✓ Sudah terdaftar? — Belum terdaftar',
      ]),
    );
    expect(screen.getByTestId('script-current').dataset.stepId).toBe('st-3');
  });

  it('keeps a reply written offline as pending in the transcript, then sends it once on reconnect', async () => {
    const user = userEvent.setup();
    useLiveStore.getState().setConnection('reconnecting');
    renderWithProviders(<DeskScreen frame={frame} />, { outboxUserId: frame.user.id });
    await screen.findByTestId('current-status');
    act(() => useLiveStore.getState().deskAccepted(aConversation({ id: 'c-1' })));
    await user.type(screen.getByTestId('reply-text'), 'Baik Bu, kami cek dulu.');
    await user.click(screen.getByTestId('reply-send'));

    const pending = await screen.findByTestId('pending-reply');
    expect(pending.textContent).toContain('Baik Bu, kami cek dulu.');
    expect(pending.textContent).toContain('Menunggu koneksi…');
    expect((screen.getByTestId('reply-text') as HTMLTextAreaElement).value).toBe('');
    expect((await screen.findByTestId('outbox-indicator')).dataset.pending).toBe('1');
    expect(sendCommandMock).not.toHaveBeenCalled();

    sendCommandMock.mockResolvedValueOnce({
      id: 'm-sent',
      direction: 'outbound',
      text: 'Baik Bu, kami cek dulu.',
      at: Date.now(),
      deliveryStatus: 'queued',
      failureReason: null,
      authorName: 'Sari Agen',
    });
    act(() => useLiveStore.getState().setConnection('connected'));
    await waitFor(() => expect(screen.queryByTestId('pending-reply')).toBeNull(), {
      timeout: 10_000,
    });
    expect(sendCommandMock).toHaveBeenCalledTimes(1);
    expect(sendCommandMock).toHaveBeenCalledWith('message:send', {
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      contactId: 'c-1',
      text: 'Baik Bu, kami cek dulu.',
    });
    expect(screen.getByTestId('transcript').textContent).toContain('Baik Bu, kami cek dulu.');
    expect(screen.queryByTestId('outbox-indicator')).toBeNull();
  }, 30_000);

  it('shows a reply the server refused as not sent, in the outbox’s failed list, until discarded', async () => {
    const user = userEvent.setup();
    useLiveStore.getState().setConnection('connected');
    sendCommandMock.mockRejectedValueOnce(new AppError('conflict', 'This conversation is closed.'));
    renderWithProviders(<DeskScreen frame={frame} />, { outboxUserId: frame.user.id });
    await screen.findByTestId('current-status');
    act(() => useLiveStore.getState().deskAccepted(aConversation({ id: 'c-1' })));
    await user.type(screen.getByTestId('reply-text'), 'Terlambat');
    await user.click(screen.getByTestId('reply-send'));

    await waitFor(() => expect(screen.getByTestId('pending-reply').dataset.state).toBe('failed'), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('pending-reply').textContent).toContain('Tidak terkirim');
    const indicator = screen.getByTestId('outbox-indicator');
    expect(indicator.dataset.failed).toBe('1');
    await user.click(indicator);
    await user.click(await screen.findByTestId('outbox-discard'));
    await waitFor(() => expect(screen.queryByTestId('pending-reply')).toBeNull(), {
      timeout: 10_000,
    });
    expect(sendCommandMock).toHaveBeenCalledTimes(1);
  }, 30_000);
});
