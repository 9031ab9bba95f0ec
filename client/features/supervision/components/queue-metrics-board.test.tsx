import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveStore } from '../../../stores/live-store';
import { aQueueMetricsState } from '../../../testing/metrics-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { QueueMetricsBoard } from './queue-metrics-board';

beforeEach(() => {
  useLiveStore.getState().reset();
});

function cell(row: HTMLElement, metric: string): HTMLElement {
  return row.querySelector(`[data-metric="${metric}"]`)!;
}

describe('QueueMetricsBoard', () => {
  it('shows SL, ASA and abandon rate per queue as text, symbol and colour, with the segments on demand', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueueMetricsBoard />);
    const row = await screen
      .findByTestId('queue-metrics-board')
      .then(() => screen.getByText('Bantuan sosial').closest('tr')!);
    // Hand count of the fixture this interval: SL (9 + 4) / (18 + 2) = 65 % (amber),
    // ASA (10 × 12 s + 8 × 150 s) / 18 = 73 s against a weighted target of 150 s (green),
    // abandons 2 / (18 + 2) = 10 % (amber, at the line).
    expect(cell(row, 'serviceLevel').textContent).toBe('! 65% — perlu perhatian');
    expect(cell(row, 'serviceLevel').getAttribute('data-rating')).toBe('warning');
    expect(cell(row, 'asa').textContent).toBe('✓ 1 mnt 13 dtk — sesuai target');
    expect(cell(row, 'abandonRate').textContent).toBe('! 10% — perlu perhatian');
    expect(within(row).getByText('21')).toBeTruthy(); // offered

    expect(document.querySelectorAll('[data-segment-row]')).toHaveLength(0);
    const toggle = screen.getByRole('button', { name: 'Tampilkan rincian segmen Bantuan sosial' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const segments = [...document.querySelectorAll<HTMLElement>('[data-segment-row]')];
    expect(segments.map((r) => r.querySelector('[data-segment]')?.textContent)).toEqual([
      'Akademisi',
      'Pengamat',
      'Penyelenggara negara',
      'Media massa',
      'Masyarakat umum',
    ]);
    const official = document.querySelector<HTMLElement>('[data-segment-row="official"]')!;
    expect(cell(official, 'serviceLevel').textContent).toBe('✓ 90% — sesuai target');
    const academia = document.querySelector<HTMLElement>('[data-segment-row="academia"]')!;
    expect(cell(academia, 'serviceLevel').textContent).toBe('—');
    expect(cell(academia, 'serviceLevel').getAttribute('data-rating')).toBe('none');
  });

  it('switches to the day, sums all queues, and follows pushed metrics in place', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueueMetricsBoard />);
    await screen.findByTestId('queue-metrics-board');
    await user.click(screen.getByText('Hari ini'));
    const row = screen.getByText('Bantuan sosial').closest('tr')!;
    // Day: (39 + 4) / (48 + 2) = 86 %.
    expect(cell(row, 'serviceLevel').textContent).toBe('✓ 86% — sesuai target');
    const all = document.querySelector<HTMLElement>('[data-queue-row="all"]')!;
    expect(cell(all, 'serviceLevel').textContent).toBe('✓ 86% — sesuai target');

    act(() => {
      const pushed = aQueueMetricsState({ version: 99 });
      pushed.queues[0]!.day.total = { ...pushed.queues[0]!.day.total, serviceLevel: 0.5 };
      useLiveStore.getState().ingestFact({ name: 'queue:metrics-changed', fact: pushed });
    });
    expect(cell(row, 'serviceLevel').textContent).toBe('✕ 50% — di bawah target');
    expect(screen.getByText('Bantuan sosial').closest('tr')).toBe(row);
  });
});
