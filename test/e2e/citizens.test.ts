import { afterAll, describe, expect, it } from 'vitest';
import type { ProfileAccess } from '../../shared/schemas/citizen';
import { getJson, inboundContact, postInbound, signIn } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

const WHY = 'Pengaduan no. 2026/PGD/0042';
const NIK = '3171234567890123';

/**
 * A lead handling a complaint in a real browser against the built app: says why once, finds the
 * citizen, opens the profile, records and reveals the NIK with a reason, finds that an e-mail
 * profile is the same person and merges it; the survivor shows both histories, and the access
 * log says who looked, when and why.
 */
describe('citizen records in a browser', () => {
  const e2e = useE2eServer({ OFFER_TIMEOUT_MS: '60000' });
  const shots: string[] = [];

  afterAll(() => {
    console.log(`e2e screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  it('lead1 searches, opens a profile, reveals the NIK with a reason and merges two profiles', async () => {
    // Two contacts of one person, from two addresses: two profiles until staff merge them.
    for (const contact of [
      { channel: 'whatsapp' as const, from: '081299990001', name: 'Siti Rahayu Lestari' },
      { channel: 'email' as const, from: 'siti.lestari@contoh.id', name: 'Ibu Siti L.' },
    ]) {
      const created = await postInbound(
        e2e.server.url,
        inboundContact({ ...contact, text: 'Bantuan PKH ibu saya belum cair.' }),
      );
      expect(created.status).toBe(201);
    }

    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('console-switch').getByText('Warga').click();
    await lead.getByTestId('citizens-screen').waitFor();
    await lead.getByTestId('access-reason-input').fill(WHY);
    await lead.getByTestId('access-reason-save').click();
    await expect.poll(() => lead.getByTestId('access-reason-value').textContent()).toBe(WHY);

    await lead.getByTestId('citizen-search-input').fill('siti');
    await lead.keyboard.press('Enter');
    await expect.poll(() => lead.getByTestId('citizen-hit').count()).toBe(2);
    shots.push(await screenshot(lead, 'citizens-01-lead-search'));

    await lead.getByRole('button', { name: 'Buka profil Siti Rahayu Lestari' }).click();
    const profile = lead.getByTestId('citizen-profile');
    await expect
      .poll(() => profile.getByTestId('citizen-name').textContent())
      .toBe('Siti Rahayu Lestari');

    // The NIK the citizen gives is recorded, then shown masked.
    await profile.getByTestId('citizen-edit').click();
    await lead.getByTestId('citizen-edit-nik').fill('3171');
    await lead.getByTestId('citizen-edit-submit').click();
    await lead.getByText('NIK harus 16 digit angka.').waitFor();
    await lead.getByTestId('citizen-edit-nik').fill(NIK);
    await lead.getByTestId('citizen-edit-organisation').fill('Kelurahan Menteng');
    await lead.getByTestId('citizen-edit-submit').click();
    await lead.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => profile.getByTestId('nik-value').textContent())
      .toBe('************0123');
    shots.push(await screenshot(lead, 'citizens-02-lead-profile'));

    await profile.getByRole('button', { name: 'Tampilkan' }).click();
    expect(await profile.getByTestId('nik-reason').inputValue()).toBe(WHY);
    await profile.getByTestId('nik-reason').fill(`${WHY}: cocokkan data DTKS`);
    await profile.getByTestId('nik-reveal').click();
    await expect.poll(() => profile.getByTestId('nik-value').textContent()).toBe(NIK);
    shots.push(await screenshot(lead, 'citizens-03-lead-nik-revealed'));

    // The e-mail profile is the same person: merge it into this one.
    await profile.getByTestId('citizen-merge').click();
    await lead.getByTestId('merge-search-input').fill('siti.lestari@contoh.id');
    await lead.keyboard.press('Enter');
    await lead
      .getByTestId('merge-search-results')
      .getByRole('button', { name: 'Buka profil Ibu Siti L.' })
      .click();
    await lead.getByTestId('merge-card-other').waitFor();
    expect(await lead.getByTestId('merge-card-current').textContent()).toContain('Dipertahankan');
    expect(await lead.getByTestId('merge-card-other').textContent()).toContain(
      'siti.lestari@contoh.id',
    );
    await lead
      .getByTestId('merge-reason')
      .fill('Warga menyebut nomor HP dan alamat e-mail yang sama');
    shots.push(await screenshot(lead, 'citizens-04-lead-merge-compare'));
    await lead.getByTestId('merge-submit').click();
    await lead.getByRole('dialog').waitFor({ state: 'detached' });

    // The survivor shows both histories; the search now finds one profile with both addresses.
    await expect.poll(() => profile.getByTestId('history-contact').count()).toBe(2);
    await expect.poll(() => lead.getByTestId('citizen-hit').count()).toBe(1);
    expect(await lead.getByTestId('citizen-hit').textContent()).toContain('siti.lestari@contoh.id');
    shots.push(await screenshot(lead, 'citizens-05-lead-merged-history'));

    await profile.getByTestId('citizen-tab-access-log').click();
    const accessLog = profile.getByTestId('access-log');
    await expect.poll(() => accessLog.textContent()).toContain('Menggabungkan');
    expect(await accessLog.textContent()).toContain(`Membuka NIK${WHY}: cocokkan data DTKS`);
    shots.push(await screenshot(lead, 'citizens-06-lead-access-log'));

    // What the server logged: the reveal with its reason, the merge, the reads and searches.
    const cookie = await signIn(e2e.server.url, 'lead1');
    const survivorId = await profile.getByTestId('citizen-id').textContent();
    const log = await getJson(`${e2e.server.url}/api/citizens/${survivorId}/access-log`, cookie);
    const entries = (log.body as { entries: ProfileAccess[] }).entries;
    expect(entries.find((e) => e.action === 'reveal_nik')?.reason).toBe(
      `${WHY}: cocokkan data DTKS`,
    );
    expect(entries.filter((e) => e.action === 'merge')).toHaveLength(1);
    expect(entries.some((e) => e.action === 'search' && e.reason === WHY)).toBe(true);
    expect(entries.every((e) => e.viewerName === 'Agus Prasetyo')).toBe(true);
    await lead.context().close();
  });
});
