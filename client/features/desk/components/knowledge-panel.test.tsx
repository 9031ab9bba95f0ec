import { act, screen, waitFor, within } from '@testing-library/react';
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

// Typing whole queries key by key through the full desk is slow on a busy machine.
describe('KnowledgePanel', { timeout: 20_000 }, () => {
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
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(2), {
      timeout: 5000,
    });
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
    // The answer version joins the answers used, which the outcome will cite.
    const used = screen.getAllByTestId('used-answer');
    expect(used).toHaveLength(1);
    expect(used[0]!.textContent).toContain('Denda pelayanan JKN setelah menunggak iuran v1');
    expect(used[0]!.textContent).toContain('disisipkan');
    expect(screen.getByTestId('knowledge-used')).toBeTruthy();
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

  it('on a call, Enter marks the answer as read out; it joins the answers used', async () => {
    const user = userEvent.setup();
    await renderDeskWith('voice');
    expect(screen.getByTestId('used-answers').textContent).toContain('Jawaban yang dipakai (0)');
    const search = screen.getByTestId('knowledge-search');
    await user.type(search, 'KIS nonaktif');
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(1));
    expect(screen.queryByTestId('knowledge-insert')).toBeNull();
    expect(screen.getByTestId('knowledge-read-out').textContent).toBe('Dibacakan');
    expect(
      screen.getByText('↑/↓ pilih, Enter tandai sudah dibacakan kepada penelepon.'),
    ).toBeTruthy();
    await user.keyboard('{Enter}');
    const used = await screen.findAllByTestId('used-answer');
    expect(used[0]!.textContent).toContain('Mengaktifkan kembali KIS');
    expect(used[0]!.textContent).toContain('v2');
    expect(used[0]!.textContent).toContain('dibacakan');
    // Marking it twice lists it once.
    await user.click(screen.getByTestId('knowledge-read-out'));
    expect(screen.getAllByTestId('used-answer')).toHaveLength(1);
  });

  it('asks for a value the answer needs and the desk does not know, before inserting', async () => {
    const user = userEvent.setup();
    await renderDeskWith('whatsapp');
    await user.type(screen.getByTestId('knowledge-search'), 'PKH cair');
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(1));
    await user.keyboard('{Enter}');

    const field = await screen.findByTestId('fill-variable-tanggal.cair');
    expect(screen.getByLabelText(/Tanggal cair/)).toBe(field);
    await waitFor(() => expect(document.activeElement).toBe(field));
    // The caller's name is known and already filled in the preview.
    expect(screen.getByTestId('fill-preview').textContent).toBe(
      'Yth. Budi Santoso, bantuan PKH Anda cair pada {tanggal.cair}.',
    );
    await user.click(screen.getByTestId('fill-insert'));
    expect(await screen.findByText(/Isi nilai ini/)).toBeTruthy();
    const reply = screen.getByTestId('reply-text') as HTMLTextAreaElement;
    expect(reply.value).toBe('');
    expect(screen.queryAllByTestId('used-answer')).toHaveLength(0);

    await user.type(field, '1 Desember 2026{Enter}');
    await waitFor(() =>
      expect(reply.value).toBe('Yth. Budi Santoso, bantuan PKH Anda cair pada 1 Desember 2026.'),
    );
    expect(screen.queryByTestId('fill-variable-tanggal.cair')).toBeNull();
    expect(
      within(screen.getByTestId('used-answers')).getByText(/Jadwal pencairan PKH v4/),
    ).toBeTruthy();
  });
});
