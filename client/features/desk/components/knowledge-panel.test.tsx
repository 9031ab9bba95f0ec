import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '../../../stores/live-store';
import { aConversation, aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { DeskScreen } from './desk-screen';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn() }));

const frame = { user: aUser(), onSignOut: () => undefined, isSigningOut: false };

async function renderDeskWith(channel: 'whatsapp' | 'voice') {
  renderWithProviders(<DeskScreen frame={frame} />);
  await screen.findByTestId('current-status');
  act(() => {
    useLiveStore.getState().deskAccepted(aConversation({ id: 'c-kb', channel }));
  });
  await screen.findByTestId('conversation');
}

beforeEach(() => {
  useLiveStore.getState().reset();
  window.localStorage.clear();
});

describe('KnowledgePanel', () => {
  it('searches as the agent types and inserts the chosen answer into the reply with Enter', async () => {
    const user = userEvent.setup();
    await renderDeskWith('whatsapp');
    const reply = screen.getByTestId('reply-text') as HTMLTextAreaElement;
    await user.type(reply, 'Selamat siang, Bu.');

    await user.keyboard('{Escape}');
    reply.blur();
    await user.keyboard('k');
    const search = screen.getByTestId('knowledge-search');
    expect(document.activeElement).toBe(search);
    await user.type(search, 'KIS');
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(2));
    expect(screen.getAllByTestId('knowledge-hit')[0]!.textContent).toContain(
      'Permensos 21/2019 Pasal 18',
    );

    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(reply.value).toBe(
        'Selamat siang, Bu.\n\nDenda pelayanan 5 persen berlaku untuk rawat inap KIS dalam 45 hari.',
      ),
    );
    // The draft is kept on this device like anything the agent typed.
    expect(window.localStorage.getItem('tanggap:reply-draft:c-kb')).toContain('Denda pelayanan');
  });

  it('narrows as more words are typed, and says when nothing matches', async () => {
    const user = userEvent.setup();
    await renderDeskWith('whatsapp');
    const search = screen.getByTestId('knowledge-search');
    await user.type(search, 'KIS nonaktif');
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(1));
    await user.click(screen.getByTestId('knowledge-insert'));
    expect((screen.getByTestId('reply-text') as HTMLTextAreaElement).value).toContain(
      'dinas sosial',
    );
    await user.type(search, ' xyz');
    expect(await screen.findByTestId('knowledge-empty')).toBeTruthy();
  });

  it('cannot insert during a call, which has no reply box', async () => {
    const user = userEvent.setup();
    await renderDeskWith('voice');
    await user.type(screen.getByTestId('knowledge-search'), 'KIS nonaktif');
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(1));
    expect(screen.getByTestId('knowledge-insert')).toHaveProperty('disabled', true);
    expect(screen.getByText('Buka percakapan teks untuk menyisipkan jawaban.')).toBeTruthy();
  });
});
