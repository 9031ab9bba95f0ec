import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
});
