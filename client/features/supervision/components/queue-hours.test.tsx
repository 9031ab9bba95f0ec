import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveStore } from '../../../stores/live-store';
import { renderWithProviders } from '../../../testing/render';
import { CallbackList } from './callback-list';
import { QueueHoursTable } from './queue-hours-table';

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe("the lead's business hours", () => {
  it('writes each queue’s week as a door sign, with holidays, the after-hours action and the state now', async () => {
    renderWithProviders(<QueueHoursTable />);
    const table = await screen.findByTestId('queue-hours');
    const row = await within(table).findByText('Sen–Jum 08.00–16.00 · Sab 08.00–12.00 WIB');
    const cells = row.closest('tr')!;
    expect(cells.textContent).toContain('Bantuan sosial');
    expect(cells.textContent).toContain('Tutup pada libur nasional');
    expect(cells.textContent).toContain('Telepon balik');
    expect(await within(cells).findByText('Buka')).toBeTruthy();
  });
});

describe('callback requests', () => {
  it('lists who to call back and drops a request once marked done', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CallbackList />);
    const item = await screen.findByTestId('callback-cb-1');
    expect(item.textContent).toContain('Siti Rahayu');
    expect(item.textContent).toContain('6281234567890');
    expect(item.textContent).toContain('TGP-20260314-0007');
    await user.click(
      within(item).getByRole('button', { name: 'Tandai telepon balik TGP-20260314-0007 selesai' }),
    );
    expect(await screen.findByText('Tidak ada permintaan telepon balik.')).toBeTruthy();
  });
});

describe('the business-hours editor', () => {
  it('is for administrators only', async () => {
    renderWithProviders(<QueueHoursTable />);
    await screen.findByText('Sen–Jum 08.00–16.00 · Sab 08.00–12.00 WIB');
    expect(screen.queryByRole('button', { name: /Ubah jam layanan/ })).toBeNull();
  });

  it('refuses overlapping hours on the day they are typed, then saves and shows the new week', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueueHoursTable canEdit />);
    await screen.findByText('Sen–Jum 08.00–16.00 · Sab 08.00–12.00 WIB');
    await user.click(screen.getByRole('button', { name: 'Ubah jam layanan Bantuan sosial' }));
    const editor = await screen.findByTestId('hours-editor');
    const sunday = within(editor).getByLabelText('Minggu');
    await user.type(sunday, '09.00–11.00, 10.00–12.00');
    await user.click(within(editor).getByRole('button', { name: 'Simpan jam layanan' }));
    expect(
      await within(editor).findByText('Rentang ini tumpang tindih dengan 09.00–11.00.'),
    ).toBeTruthy();

    await user.clear(sunday);
    await user.type(sunday, '09.00–11.00');
    await user.click(within(editor).getByRole('button', { name: 'Simpan jam layanan' }));
    expect(
      await screen.findByText('Sen–Jum 08.00–16.00 · Sab 08.00–12.00 · Min 09.00–11.00 WIB'),
    ).toBeTruthy();
    expect(screen.queryByTestId('hours-editor')).toBeNull();
  });
});
