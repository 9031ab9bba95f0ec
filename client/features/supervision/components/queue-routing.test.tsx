import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { QueueRoutingTable } from './queue-routing-table';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The bodies of the PUTs the screen sent (the msw handler answers them as saved). */
function sentRoutingBodies(fetchSpy: { mock: { calls: unknown[][] } }): unknown[] {
  return fetchSpy.mock.calls.flatMap(([input, init]: unknown[]) => {
    const request = init as RequestInit | undefined;
    return String(input).includes('/routing') && request?.method === 'PUT'
      ? [JSON.parse(String(request.body))]
      : [];
  });
}

describe('queue routing rules', () => {
  it('shows each queue’s wrap-up time, overflow and own segment settings, read-only for a lead', async () => {
    renderWithProviders(<QueueRoutingTable />);
    const table = await screen.findByTestId('queue-routing');
    await within(table).findAllByText('2 mnt ke Informasi umum');
    expect(within(table).getAllByText('30 dtk').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('Bawaan').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Ubah' })).toBeNull();
  });

  it('lets an administrator give a queue its own priority for a segment, checked before sending', async () => {
    const user = userEvent.setup();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderWithProviders(<QueueRoutingTable canEdit />);
    const table = await screen.findByTestId('queue-routing');
    await within(table).findAllByText('2 mnt ke Informasi umum');
    await user.click(within(table).getAllByRole('button', { name: 'Ubah' })[0]!);
    const editor = await screen.findByTestId('routing-editor');
    await user.click(within(editor).getByTestId('routing-own-public'));
    const priority = within(editor).getByTestId('routing-priority-public');
    const target = within(editor).getByTestId('routing-target-public');
    await user.clear(target);
    await user.click(within(editor).getByRole('button', { name: 'Simpan aturan' }));
    expect(await within(editor).findByText('Nilai tidak sah')).toBeTruthy();
    expect(sentRoutingBodies(fetchSpy)).toEqual([]);

    await user.type(target, '120');
    await user.clear(priority);
    await user.type(priority, '6');
    await user.click(within(editor).getByRole('button', { name: 'Simpan aturan' }));
    await waitFor(() =>
      expect(sentRoutingBodies(fetchSpy)[0]).toMatchObject({
        afterContactWorkMs: 30_000,
        overflowAfterMs: 120_000,
        overflowTopics: ['umum'],
        segments: [{ segment: 'public', priority: 6, targetAnswerMs: 120_000 }],
      }),
    );
    expect(await screen.findByText(/Masyarakat umum: prioritas 6, target 120 dtk/)).toBeTruthy();
  });
});
