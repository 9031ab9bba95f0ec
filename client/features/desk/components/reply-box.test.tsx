import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '../../../stores/live-store';
import { aConversation, aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { DeskScreen } from './desk-screen';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn() }));

const frame = { user: aUser(), onSignOut: () => undefined, isSigningOut: false };

async function renderChat(): Promise<HTMLTextAreaElement> {
  renderWithProviders(<DeskScreen frame={frame} />);
  await screen.findByTestId('current-status');
  act(() => {
    useLiveStore
      .getState()
      .deskAccepted(aConversation({ id: 'c-chat', channel: 'whatsapp', reference: 'TGP-0042' }));
  });
  return (await screen.findByTestId('reply-text')) as HTMLTextAreaElement;
}

async function optionsShown(): Promise<string[]> {
  const options = await screen.findAllByTestId('canned-option');
  return options.map((option) => option.textContent ?? '');
}

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe('canned responses in the reply box', { timeout: 20_000 }, () => {
  it('opens with / at the start, narrows as the agent types, and inserts the filled text with Enter', async () => {
    const user = userEvent.setup();
    const reply = await renderChat();
    await user.click(reply);
    await user.keyboard('/');
    const search = await screen.findByTestId('canned-search');
    expect(document.activeElement).toBe(search);
    // The slash opened the picker; it is not in the reply.
    expect(reply.value).toBe('');
    expect((await optionsShown()).length).toBe(4);

    await user.keyboard('pen');
    await waitFor(async () => expect((await optionsShown())[0]).toContain('/penutup'));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(reply.value).toBe('Terima kasih, Budi Santoso. Nomor tiket Anda TGP-0042.'),
    );
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(reply));
    expect(window.localStorage.getItem('tanggap:reply-draft:c-chat')).toContain('TGP-0042');
  });

  it('puts the response where the caret was, at the start of a new line', async () => {
    const user = userEvent.setup();
    const reply = await renderChat();
    await user.type(reply, 'Baik, Pak.{Shift>}{Enter}{/Shift}');
    await user.keyboard('/');
    await screen.findByTestId('canned-search');
    await user.keyboard('salam{Enter}');
    await waitFor(() =>
      expect(reply.value).toBe(
        'Baik, Pak.\nSelamat datang, Budi Santoso. Saya Sari Agen, ada yang bisa saya bantu?',
      ),
    );
  });

  it('types a slash inside a sentence as a slash, and Esc leaves the picker for the reply', async () => {
    const user = userEvent.setup();
    const reply = await renderChat();
    await user.type(reply, 'desa/kelurahan');
    expect(reply.value).toBe('desa/kelurahan');
    expect(screen.queryByTestId('canned-picker')).toBeNull();

    await user.click(screen.getByTestId('canned-open'));
    await screen.findByTestId('canned-search');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(reply));
    expect(reply.value).toBe('desa/kelurahan');
  });

  it('asks for the values only the agent knows, and inserts nothing with a gap unless told to', async () => {
    const user = userEvent.setup();
    const reply = await renderChat();
    await user.click(screen.getByTestId('canned-open'));
    await screen.findByTestId('canned-search');
    await user.keyboard('teruskan');
    await waitFor(async () => expect(await optionsShown()).toHaveLength(1));
    await user.click(screen.getAllByTestId('canned-option')[0]!);

    const unit = await screen.findByTestId('fill-variable-unit');
    expect(screen.getByTestId('fill-variable-jam')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(unit));
    await user.type(unit, 'Dinas Sosial Kota Makassar');
    await user.click(screen.getByTestId('fill-insert'));
    // One value is still missing: nothing goes in.
    expect(await screen.findByText(/Isi nilai ini/)).toBeTruthy();
    expect(reply.value).toBe('');
    await user.type(screen.getByTestId('fill-variable-jam'), 'Jumat 15.00 WITA{Enter}');
    await waitFor(() =>
      expect(reply.value).toBe(
        'Sudah kami teruskan ke Dinas Sosial Kota Makassar; petugas menghubungi Anda paling lambat Jumat 15.00 WITA.',
      ),
    );
    expect(reply.value).not.toMatch(/\{[^}]*\}/);
  });

  it('inserts the text with its gaps when the agent chooses to', async () => {
    const user = userEvent.setup();
    const reply = await renderChat();
    await user.click(reply);
    await user.keyboard('/tindak{Enter}');
    await user.type(await screen.findByTestId('fill-variable-unit'), 'Dukcapil');
    await user.click(screen.getByTestId('fill-insert-anyway'));
    await waitFor(() =>
      expect(reply.value).toBe(
        'Sudah kami teruskan ke Dukcapil; petugas menghubungi Anda paling lambat {jam}.',
      ),
    );
  });
});
