import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScriptVersionView } from '../../../../shared/schemas/script';
import type { User } from '../../../../shared/schemas/user';
import { useLiveStore } from '../../../stores/live-store';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { scriptKeys } from '../api/script-queries';
import { ScriptsScreen } from './scripts-screen';

const trainer = aUser({
  id: 'u-trainer1',
  username: 'trainer1',
  displayName: 'Bambang Pelatih',
  role: 'trainer',
});
const lead = aUser({ id: 'u-lead1', username: 'lead1', displayName: 'Rina Lead', role: 'lead' });

/** Requests wait on a loaded machine; a second is too short for the first render. */
const SLOW = { timeout: 5000 };

/** Signs in with the msw server (whose role decides what it shows), then opens the screen. */
async function openAs(user: User) {
  await fetch(new URL('/api/auth/login', window.location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: 'demo1234' }),
  });
  const events = userEvent.setup();
  const rendered = renderWithProviders(
    <ScriptsScreen frame={{ user, onSignOut: () => undefined, isSigningOut: false }} />,
  );
  await events.click(await screen.findByTestId('script-open', {}, SLOW));
  return { events, ...rendered };
}

/** Replaces a field's text at once (a paste), rather than key by key. */
async function fill(events: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await events.clear(field);
  await events.paste(text);
}

function stepCard(number: number): HTMLElement {
  return screen.getByRole('region', { name: `Langkah ${number}` });
}

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe('the script editor', () => {
  it('opens the draft for a trainer; a step with answers is added, branched and saved', async () => {
    const { events, queryClient } = await openAs(trainer);
    const editor = await screen.findByTestId('draft-editor', {}, SLOW);
    expect(screen.getByTestId('version-title').textContent).toBe('Bansos — pengecekan penerima');
    expect(within(screen.getByTestId('version-list')).getAllByTestId('version-open')).toHaveLength(
      2,
    );
    expect(within(editor).getAllByTestId('step-card')).toHaveLength(5);

    await events.click(within(editor).getByTestId('step-add'));
    const added = stepCard(6);
    expect(within(added).getByTestId('step-problems').textContent).toContain('tidak dapat dicapai');
    // The closing step now goes on to the survey.
    await events.selectOptions(within(stepCard(5)).getByLabelText('Lalu lanjut ke'), 'langkah-6');
    await fill(events, within(added).getByLabelText('Judul langkah 6'), 'Survei kepuasan');
    await fill(
      events,
      within(added).getByLabelText('Yang diucapkan agen', { exact: false }),
      'Apakah {caller.name} puas dengan layanan kami?',
    );
    await events.click(within(added).getByLabelText(/Tanyakan kepada warga/));
    await fill(events, within(added).getByLabelText('Jawaban 1'), 'Puas');
    await events.click(within(added).getByRole('button', { name: 'Tambah jawaban' }));
    await fill(events, within(added).getByLabelText('Jawaban 2'), 'Kurang puas');

    // A second new step, reached only by the second answer.
    await events.click(within(editor).getByTestId('step-add'));
    const complaint = stepCard(7);
    await fill(events, within(complaint).getByLabelText('Judul langkah 7'), 'Catat keluhan');
    await fill(
      events,
      within(complaint).getByLabelText('Yang diucapkan agen', { exact: false }),
      'Mohon ceritakan apa yang kurang.',
    );
    expect(within(complaint).getByTestId('step-problems').textContent).toContain(
      'tidak dapat dicapai',
    );
    await events.selectOptions(within(added).getByLabelText('Jawaban 2 lanjut ke'), 'langkah-7');
    expect(within(complaint).queryByTestId('step-problems')).toBeNull();
    expect(screen.getByTestId('draft-state').textContent).toBe(
      'Ada perubahan yang belum disimpan.',
    );

    await events.click(screen.getByTestId('draft-save'));
    await waitFor(
      () =>
        expect(screen.getByTestId('draft-state').textContent).toBe('Semua perubahan tersimpan.'),
      SLOW,
    );
    const saved = queryClient.getQueryData<ScriptVersionView>(
      scriptKeys.version('script-bansos', 2),
    );
    expect(saved?.version.definition.steps.slice(4)).toEqual([
      expect.objectContaining({ id: 'penutup', next: 'langkah-6' }),
      {
        id: 'langkah-6',
        title: 'Survei kepuasan',
        text: 'Apakah {caller.name} puas dengan layanan kami?',
        options: [
          { id: 'puas', label: 'Puas', next: null },
          { id: 'kurang-puas', label: 'Kurang puas', next: 'langkah-7' },
        ],
      },
      {
        id: 'langkah-7',
        title: 'Catat keluhan',
        text: 'Mohon ceritakan apa yang kurang.',
        next: null,
      },
    ]);
  }, 60_000);

  it('shows each problem beside its step and keeps the draft from being saved', async () => {
    const { events } = await openAs(trainer);
    await screen.findByTestId('draft-editor', {}, SLOW);

    // The closing step back to the opening: a loop.
    await events.selectOptions(within(stepCard(5)).getByLabelText('Lalu lanjut ke'), 'salam');
    expect(within(stepCard(1)).getByTestId('step-problems').textContent).toContain(
      'Langkah «Salam pembuka» dicapai lagi dari dirinya sendiri',
    );
    expect(screen.getByTestId('draft-save')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('preview-not-walkable')).toBeTruthy();
    await events.selectOptions(within(stepCard(5)).getByLabelText('Lalu lanjut ke'), '');

    const text = within(stepCard(3)).getByLabelText('Yang diucapkan agen', { exact: false });
    await fill(events, text, 'Cek dengan NIK {caller.nik}.');
    expect(within(stepCard(3)).getByText(/Variabel \{caller\.nik\} tidak dikenal/)).toBeTruthy();
    await events.clear(within(stepCard(3)).getByLabelText('Judul langkah 3'));
    expect(within(stepCard(3)).getByText('Wajib diisi.')).toBeTruthy();
    expect(screen.getByTestId('draft-state').textContent).toBe(
      '2 masalah harus diperbaiki sebelum menyimpan.',
    );
    expect(screen.getByTestId('draft-save')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('draft-publish')).toHaveProperty('disabled', true);
  }, 20_000);

  it('walks the draft in the preview as an agent would: answers branch, back reopens, variables fill', async () => {
    const { events } = await openAs(trainer);
    const preview = await screen.findByTestId('script-preview', {}, SLOW);
    const current = () => within(preview).getByTestId('script-current');

    expect(current().textContent).toContain('Selamat pagi, Siti Rahayu. Saya Bambang Pelatih.');
    await events.click(within(preview).getByTestId('script-next'));
    // The general public hears the plainer words.
    expect(current().textContent).toContain('Apakah Bapak/Ibu sudah pernah menerima bantuan?');
    await events.click(within(preview).getByTestId('script-option-belum'));
    expect(current().getAttribute('data-step-id')).toBe('usulan');
    await events.click(within(preview).getByTestId('script-back'));
    expect(current().getAttribute('data-step-id')).toBe('terdaftar');
    await events.selectOptions(within(preview).getByTestId('preview-segment'), 'media');
    expect(current().textContent).toContain('Apakah Bapak/Ibu sudah terdaftar di DTKS?');
    await events.click(within(preview).getByTestId('script-option-sudah'));
    expect(current().getAttribute('data-step-id')).toBe('cek-status');
    await events.click(within(preview).getByTestId('script-next'));
    expect(current().textContent).toContain('Nomor referensi Anda TGP-CTH-20260114-00042.');
    expect(within(preview).getByTestId('script-pending').textContent).toContain('Penutup');
    await events.click(within(preview).getByTestId('script-next'));
    expect(within(preview).getByTestId('script-finished')).toBeTruthy();

    // An edit to the draft shows at once, keeping the answers given.
    await events.click(within(preview).getByTestId('script-back'));
    await fill(events, within(stepCard(5)).getByLabelText('Judul langkah 5'), 'Penutup dan salam');
    expect(current().textContent).toContain('Penutup dan salam');
  }, 20_000);

  it('refuses to overwrite a draft someone else saved meanwhile, and reloads theirs', async () => {
    const { events, queryClient } = await openAs(trainer);
    await screen.findByTestId('draft-editor', {}, SLOW);
    const opened = queryClient.getQueryData<ScriptVersionView>(
      scriptKeys.version('script-bansos', 2),
    )!;
    // Another editor saves the same draft first.
    await fetch(new URL('/api/scripts/script-bansos/versions/2', window.location.origin), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Judul dari editor lain',
        definition: opened.version.definition,
        baseUpdatedAt: opened.version.updatedAt,
      }),
    });
    await fill(events, screen.getByTestId('draft-title'), 'Judul saya');
    await events.click(screen.getByTestId('draft-save'));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toContain(
      'sudah diubah orang lain',
    );
    await events.click(screen.getByTestId('draft-reload'));
    await waitFor(
      () =>
        expect((screen.getByTestId('draft-title') as HTMLInputElement).value).toBe(
          'Judul dari editor lain',
        ),
      SLOW,
    );
    expect(screen.getByTestId('draft-state').textContent).toBe('Semua perubahan tersimpan.');
  }, 20_000);

  it('publishes a saved draft; the version before it is retired', async () => {
    const { events } = await openAs(trainer);
    await screen.findByTestId('draft-editor', {}, SLOW);
    await events.click(screen.getByTestId('draft-publish'));
    await events.click(await screen.findByTestId('publish-confirm', {}, SLOW));
    expect(await screen.findByTestId('script-outline', {}, SLOW)).toBeTruthy();
    const versions = within(screen.getByTestId('version-list')).getAllByTestId('version-open');
    await waitFor(
      () =>
        expect(versions.map((v) => v.getAttribute('data-status'))).toEqual([
          'published',
          'retired',
        ]),
      SLOW,
    );
    expect(screen.getByTestId('version-audit').textContent).toContain('Diterbitkan Admin');
    expect(screen.getByTestId('draft-start')).toBeTruthy();
  }, 20_000);

  it('lets a lead read what agents are given, without drafts or editing', async () => {
    await openAs(lead);
    expect(await screen.findByTestId('script-outline', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Hanya baca: naskah diubah oleh pelatih dan admin.')).toBeTruthy();
    expect(
      within(screen.getByTestId('version-list'))
        .getAllByTestId('version-open')
        .map((v) => v.getAttribute('data-status')),
    ).toEqual(['published']);
    expect(screen.queryByTestId('draft-start')).toBeNull();
    expect(screen.queryByTestId('version-retire')).toBeNull();
    expect(screen.queryByTestId('script-new')).toBeNull();
    // The preview works for readers too.
    expect(within(screen.getByTestId('script-preview')).getByTestId('script-next')).toBeTruthy();
  });
});
