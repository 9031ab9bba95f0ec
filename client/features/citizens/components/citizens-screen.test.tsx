import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { CitizensScreen } from './citizens-screen';

const WHY = 'Pengaduan no. 2026/PGD/0042';
const lead = aUser({
  id: 'u-lead1',
  username: 'lead1',
  displayName: 'Agus Prasetyo',
  role: 'lead',
});
const frame = { user: lead, onSignOut: () => undefined, isSigningOut: false };

beforeEach(() => {
  window.sessionStorage.clear();
});

type User = ReturnType<typeof userEvent.setup>;

/** What the (mock) server logged for a profile, newest first. */
async function accessLog(citizenId: string) {
  return (await apiRequest(endpoints.citizenAccessLog, { params: { id: citizenId } })).entries;
}

async function giveReason(user: User, reason = WHY) {
  await user.type(await screen.findByTestId('access-reason-input'), reason);
  await user.click(screen.getByTestId('access-reason-save'));
  await screen.findByTestId('access-reason-value');
}

async function searchFor(user: User, text: string, prefix = 'citizen-search') {
  const input = screen.getByTestId(`${prefix}-input`);
  await user.clear(input);
  await user.type(input, `${text}{Enter}`);
}

async function openProfile(user: User, name: string) {
  await user.click(await screen.findByRole('button', { name: `Buka profil ${name}` }));
  return screen.findByTestId('citizen-profile');
}

describe('CitizensScreen', () => {
  it('asks why first, then searches on Enter and opens a profile, sending the reason each time', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    expect(screen.getByTestId('citizen-search-input')).toHaveProperty('disabled', true);

    await user.type(screen.getByTestId('access-reason-input'), 'cek');
    await user.click(screen.getByTestId('access-reason-save'));
    expect(await screen.findByText('Tulis alasannya, paling sedikit 5 huruf.')).toBeTruthy();
    await user.clear(screen.getByTestId('access-reason-input'));
    await giveReason(user);
    expect(screen.getByTestId('access-reason-value').textContent).toBe(WHY);

    // Typing alone asks nothing: each search is logged.
    await user.type(screen.getByTestId('citizen-search-input'), 'siti');
    expect(await accessLog('cz-siti')).toEqual([]);
    await user.keyboard('{Enter}');
    const hits = await screen.findAllByTestId('citizen-hit');
    expect(hits.map((hit) => hit.textContent)).toEqual([
      expect.stringContaining('Ibu Siti R.'),
      expect.stringContaining('Siti Rahayu'),
    ]);
    expect(hits[1]!.textContent).toContain('NIK ************0123');
    expect(hits[1]!.textContent).not.toContain('3171234567890123');
    expect(screen.getByText('Dicari menurut: nama')).toBeTruthy();

    const profile = await openProfile(user, 'Siti Rahayu');
    expect(within(profile).getByTestId('citizen-name').textContent).toBe('Siti Rahayu');
    expect(within(profile).getByTestId('nik-value').textContent).toBe('************0123');
    expect(within(profile).getByTestId('citizen-consent').textContent).toBe(
      'Setuju dihubungi kembali',
    );
    expect(within(profile).getByText('6281277770001')).toBeTruthy();
    expect((await accessLog('cz-siti')).map((e) => [e.action, e.reason])).toEqual([
      ['profile', WHY],
      ['search', WHY],
    ]);

    // The history: the open follow-up first, then contacts newest first with their outcomes.
    await user.click(screen.getByTestId('citizen-tab-history'));
    expect(screen.getAllByTestId('citizen-follow-up')[0]!.textContent).toContain(
      'Kabari status pencairan PKH',
    );
    expect(screen.getAllByTestId('history-contact').map((c) => c.textContent)).toEqual([
      expect.stringContaining('TGP-20260310-0007'),
      expect.stringContaining('TGP-20260302-0011'),
    ]);
  }, 20_000);

  it('remembers the reason for this session and lets it be changed', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    first.unmount();
    renderWithProviders(<CitizensScreen frame={frame} />);
    expect((await screen.findByTestId('access-reason-value')).textContent).toBe(WHY);
    await user.click(screen.getByTestId('access-reason-change'));
    await user.clear(screen.getByTestId('access-reason-input'));
    await giveReason(user, 'Permintaan informasi no. 17');
    await searchFor(user, '@dewi_kusuma');
    await screen.findByRole('button', { name: 'Buka profil Dewi Kusuma' });
    expect((await accessLog('cz-dewi'))[0]).toMatchObject({
      action: 'search',
      reason: 'Permintaan informasi no. 17',
    });
  }, 20_000);

  it('says when a number is neither a whole phone number nor a whole NIK', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    await searchFor(user, '3171');
    expect((await screen.findByTestId('citizen-search-error')).textContent).toBe(
      'Nomor harus nomor telepon lengkap (6–15 digit) atau NIK lengkap (16 digit).',
    );
    await searchFor(user, '3171 2345 6789 0123');
    await screen.findByRole('button', { name: 'Buka profil Siti Rahayu' });
    expect(screen.getByText('Dicari menurut: NIK')).toBeTruthy();
  }, 20_000);

  it('reveals the NIK only with a reason, offering the session’s, and the access log shows it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    await searchFor(user, '0812 7777 0001');
    const profile = await openProfile(user, 'Siti Rahayu');

    await user.click(within(profile).getByRole('button', { name: 'Tampilkan' }));
    const reason = within(profile).getByTestId('nik-reason') as HTMLInputElement;
    expect(reason.value).toBe(WHY);
    await user.clear(reason);
    await user.click(within(profile).getByTestId('nik-reveal'));
    expect(
      await within(profile).findByText('Tulis alasannya, paling sedikit 5 huruf.'),
    ).toBeTruthy();
    await user.type(reason, `${WHY}: cocokkan data DTKS`);
    await user.click(within(profile).getByTestId('nik-reveal'));
    await within(profile).findByText('3171234567890123');

    await user.click(screen.getByTestId('citizen-tab-access-log'));
    const entries = await screen.findAllByTestId('access-log-entry');
    expect(entries[0]!.textContent).toContain('Membuka NIK');
    expect(entries[0]!.textContent).toContain(`${WHY}: cocokkan data DTKS`);
    expect(
      entries.map((e) => e.querySelector('[data-action]')?.getAttribute('data-action')),
    ).toEqual(['reveal_nik', 'profile', 'search']);
  }, 20_000);

  it('edits the profile, showing the server’s field errors beside their fields, and confirms the segment', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    await searchFor(user, 'siti rah');
    await openProfile(user, 'Siti Rahayu');

    await user.click(screen.getByTestId('citizen-edit'));
    await user.type(await screen.findByTestId('citizen-edit-nik'), '0000000000000000');
    await user.click(screen.getByTestId('citizen-edit-submit'));
    expect(await screen.findByText('NIK harus 16 digit angka.')).toBeTruthy();

    await user.clear(screen.getByTestId('citizen-edit-nik'));
    await user.type(screen.getByTestId('citizen-edit-organisation'), 'Kelurahan Menteng');
    await user.click(screen.getByTestId('citizen-edit-may-contact'));
    await user.click(screen.getByTestId('citizen-edit-submit'));
    await waitFor(() => expect(screen.queryByTestId('citizen-edit-form')).toBeNull());
    const details = screen.getByTestId('citizen-details');
    expect(within(details).getByText('Kelurahan Menteng')).toBeTruthy();
    expect(within(details).getByTestId('citizen-consent').textContent).toBe(
      'Tidak ingin dihubungi kembali',
    );
    expect((await accessLog('cz-siti'))[0]).toMatchObject({
      action: 'update',
      reason: `${WHY}: organisation, mayContact`,
    });

    await user.click(screen.getByTestId('citizen-confirm-segment'));
    expect((await screen.findByTestId('segment-verified')).textContent).toBe('Terverifikasi');
  }, 20_000);

  it('merges a second profile of the same person after comparing them side by side, with a reason', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    await searchFor(user, 'siti');
    await openProfile(user, 'Siti Rahayu');

    await user.click(screen.getByTestId('citizen-merge'));
    await screen.findByTestId('merge-find');
    await searchFor(user, 'siti', 'merge-search');
    const results = await screen.findByTestId('merge-search-results');
    // The profile the merge starts from is listed, but cannot be picked.
    expect(within(results).getByRole('button', { name: 'Buka profil Siti Rahayu' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(within(results).getByRole('button', { name: 'Buka profil Ibu Siti R.' }));

    const current = await screen.findByTestId('merge-card-current');
    const other = screen.getByTestId('merge-card-other');
    expect(current.textContent).toContain('Dipertahankan');
    expect(current.textContent).toContain('6281277770001');
    expect(other.textContent).toContain('Digabungkan');
    expect(other.textContent).toContain('bu.siti@contoh.id');
    expect(other.textContent).toContain('Kelurahan Menteng');

    await user.click(screen.getByTestId('merge-submit'));
    expect(await screen.findByText('Tulis alasannya, paling sedikit 5 huruf.')).toBeTruthy();
    expect((await accessLog('cz-siti')).some((e) => e.action === 'merge')).toBe(false);
    await user.type(
      screen.getByTestId('merge-reason'),
      'Warga menyebut nomor HP dan e-mail yang sama',
    );
    await user.click(screen.getByTestId('merge-submit'));

    await waitFor(() => expect(screen.queryByTestId('merge-confirm-form')).toBeNull());
    // The survivor shows both histories and both addresses, with the blank organisation filled.
    expect(screen.getAllByTestId('history-contact').map((c) => c.textContent)).toEqual([
      expect.stringContaining('TGP-20260310-0007'),
      expect.stringContaining('TGP-20260305-0003'),
      expect.stringContaining('TGP-20260302-0011'),
    ]);
    expect((await accessLog('cz-siti')).find((e) => e.action === 'merge')).toMatchObject({
      reason: 'cz-siti-mail → cz-siti: Warga menyebut nomor HP dan e-mail yang sama',
    });
    // The results on screen were searched again: the merged profile is gone from them.
    await waitFor(() => expect(screen.getAllByTestId('citizen-hit')).toHaveLength(1));
    expect(screen.getByTestId('citizen-hit').textContent).toContain('Siti Rahayu');
  }, 20_000);

  it('lets the other profile be the one that stays, and refuses two people with different NIKs', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CitizensScreen frame={frame} />);
    await giveReason(user);
    await searchFor(user, 'dewi');
    await openProfile(user, 'Dewi Kusuma');
    await user.click(screen.getByTestId('citizen-merge'));
    await searchFor(user, '081277770001', 'merge-search');
    await user.click(await screen.findByRole('button', { name: 'Buka profil Siti Rahayu' }));
    await user.click(await screen.findByTestId('merge-survivor-other'));
    expect(screen.getByTestId('merge-card-other').textContent).toContain('Dipertahankan');
    await user.type(screen.getByTestId('merge-reason'), 'Nama berbeda tetapi diduga sama');
    await user.click(screen.getByTestId('merge-submit'));
    expect(
      await screen.findByText(
        'Tidak dapat digabungkan: salah satu profil sudah digabungkan, atau NIK keduanya berbeda (dua orang).',
      ),
    ).toBeTruthy();
  }, 20_000);
});
