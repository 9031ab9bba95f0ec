import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/schemas/user';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { KnowledgeAuthoringScreen } from './knowledge-authoring-screen';

const trainer = aUser({
  id: 'u-trainer1',
  username: 'trainer1',
  displayName: 'Bambang Pelatih',
  role: 'trainer',
});
const lead = aUser({ id: 'u-lead1', username: 'lead1', displayName: 'Rina Lead', role: 'lead' });

/** Signs in to the mock server too, so it knows who writes and who publishes. */
async function renderAs(user: User) {
  await fetch(new URL('/api/auth/login', window.location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: 'demo1234' }),
  });
  renderWithProviders(
    <KnowledgeAuthoringScreen frame={{ user, onSignOut: () => undefined, isSigningOut: false }} />,
  );
  await waitFor(() => expect(screen.getAllByTestId('answer-row')).toHaveLength(3), {
    timeout: 5000,
  });
}

/** Types by pasting: one event instead of one render per key on these large forms. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

function rowTitles(): string[] {
  return screen
    .getAllByTestId('answer-row')
    .map((row) => row.querySelector('p')?.textContent ?? '');
}

async function open(title: string) {
  const user = userEvent.setup();
  const row = screen.getAllByTestId('answer-row').find((r) => r.textContent?.includes(title));
  await user.click(row!);
  return screen.findByTestId('answer-detail');
}

// Whole-screen tests: rendering Mantine forms in jsdom takes a few seconds each.
describe('KnowledgeAuthoringScreen', { timeout: 20_000 }, () => {
  it('filters the answers by status and words', async () => {
    const user = userEvent.setup();
    await renderAs(trainer);
    expect(screen.getByTestId('answer-count').textContent).toBe('1–3 dari 3');

    await user.click(within(screen.getByTestId('filter-status')).getByText('Ditinjau'));
    await waitFor(() =>
      expect(rowTitles()).toEqual(['Syarat menerima PKH', 'Mengganti KTP-el yang rusak']),
    );
    await user.click(within(screen.getByTestId('filter-status')).getByText('Semua'));
    await fill(user, screen.getByTestId('filter-text'), 'hilang');
    await waitFor(() => expect(rowTitles()).toEqual(['KTP-el hilang']));
    await user.clear(screen.getByTestId('filter-text'));
    await fill(user, screen.getByTestId('filter-text'), 'tidak ada');
    await screen.findByTestId('answer-list-empty');
  });

  it('shows a version in review with its history and what changed since the published one', async () => {
    await renderAs(trainer);
    const detail = await open('Syarat menerima PKH');
    expect(within(detail).getByTestId('answer-title').textContent).toBe('Syarat menerima PKH');
    const rows = within(detail).getAllByTestId('history-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('v2 · Ditinjau'),
      expect.stringContaining('v1 · Terbit'),
    ]);
    expect(rows[1]!.textContent).toContain('Rina Lead');
    const diff = within(detail).getByTestId('version-diff');
    expect(diff.textContent).toContain('Perubahan dari v1 ke v2');
    const added = [...diff.querySelectorAll('ins')].map((node) => node.textContent).join(' ');
    expect(added).toContain('lolos verifikasi');
    // A trainer neither sends back nor publishes.
    expect(within(detail).queryByTestId('workflow-actions')).toBeNull();
  });

  it('shows publishing your own version as disabled with the reason, and publishes another', async () => {
    const user = userEvent.setup();
    await renderAs(lead);
    let detail = await open('Mengganti KTP-el yang rusak');
    const publish = within(detail).getByTestId('action-publish') as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(within(detail).getByTestId('own-work-reason').textContent).toContain('peninjau lain');
    expect((within(detail).getByTestId('action-send_back') as HTMLButtonElement).disabled).toBe(
      false,
    );
    // Leads publish but do not make a change must-read.
    expect(within(detail).queryByTestId('publish-must-read')).toBeNull();

    detail = await open('Syarat menerima PKH');
    await waitFor(() =>
      expect(within(detail).getByTestId('answer-title').textContent).toBe('Syarat menerima PKH'),
    );
    await fill(user, within(detail).getByTestId('workflow-note'), 'Ditambah: lolos verifikasi.');
    await user.click(within(detail).getByTestId('action-publish'));
    await waitFor(() =>
      expect(
        within(detail)
          .getAllByTestId('history-row')
          .map((r) => r.textContent),
      ).toEqual([expect.stringContaining('v2 · Terbit'), expect.stringContaining('v1 · Ditarik')]),
    );
    expect(within(detail).getAllByTestId('history-row')[0]!.textContent).toContain(
      'Ditambah: lolos verifikasi.',
    );
  });

  it('asks for a reason before sending back', async () => {
    const user = userEvent.setup();
    await renderAs(lead);
    const detail = await open('Mengganti KTP-el yang rusak');
    await user.click(within(detail).getByTestId('action-send_back'));
    expect(await within(detail).findByText('Tulis alasan mengembalikan ke draf.')).toBeTruthy();
    await fill(user, within(detail).getByTestId('workflow-note'), 'Sebutkan biayanya.');
    await user.click(within(detail).getByTestId('action-send_back'));
    await waitFor(() =>
      expect(within(detail).getAllByTestId('history-row')[0]!.textContent).toContain('v1 · Draf'),
    );
  });

  it('writes a new answer, showing the errors beside the fields they concern', async () => {
    const user = userEvent.setup();
    await renderAs(trainer);
    await user.click(screen.getByTestId('new-answer-button'));
    const form = await screen.findByTestId('new-answer');

    await user.click(within(form).getByTestId('save-version'));
    expect(within(form).getAllByText('Wajib diisi.')).toHaveLength(2);

    await user.click(within(form).getByTestId('field-topic'));
    await user.click(await screen.findByRole('option', { name: 'Bantuan sosial' }));
    await user.click(within(form).getByTestId('field-unitId'));
    await user.click(await screen.findByRole('option', { name: 'Pusat Kontak' }));
    await fill(user, within(form).getByTestId('field-title'), 'PKH');
    await fill(user, within(form).getByTestId('field-body'), 'Isi jawaban lengkap.');
    await fill(user, within(form).getByTestId('field-summary'), 'Ringkasan.');
    await fill(user, within(form).getByTestId('field-sourceDocument'), 'Perda 99/2099');
    await user.click(within(form).getByTestId('save-version'));
    // The title is too short: said beside the title, nothing sent.
    const title = within(form).getByTestId('field-title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByTestId('form-error').textContent).toBe('Periksa isian yang ditandai.');

    await fill(user, title, ' untuk lansia');
    await user.click(within(form).getByTestId('save-version'));
    // The server does not know the regulation: its 400 shows beside the source field.
    const source = within(form).getByTestId('field-sourceDocument');
    await waitFor(() => expect(source.getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('Periksa isian ini (unknown regulation)');
    expect(title.getAttribute('aria-invalid')).not.toBe('true');

    await user.clear(source);
    await fill(user, source, 'Permensos 1/2018');
    await user.click(within(form).getByTestId('save-version'));
    const detail = await screen.findByTestId('answer-detail');
    expect(within(detail).getByTestId('answer-title').textContent).toBe('PKH untuk lansia');
    expect(within(detail).getByTestId('history-row').textContent).toContain('v1 · Draf');
    // Unsaved changes hold back sending for review: what goes is the saved text.
    await fill(user, within(detail).getByTestId('field-title'), ' di desa');
    const submit = within(detail).getByTestId('action-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(within(detail).getByTestId('unsaved-reason').textContent).toContain('Simpan draf dulu');
    await user.click(within(detail).getByTestId('save-version'));
    await waitFor(() =>
      expect(within(detail).getByTestId('answer-title').textContent).toBe(
        'PKH untuk lansia di desa',
      ),
    );
    expect(within(detail).queryByTestId('unsaved-reason')).toBeNull();
    // The author sends the new draft for review.
    await user.click(within(detail).getByTestId('action-submit'));
    await waitFor(() =>
      expect(within(detail).getByTestId('history-row').textContent).toContain('v1 · Ditinjau'),
    );
  });
});
