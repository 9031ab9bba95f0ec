import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveStore } from '../stores/live-store';
import { renderWithProviders } from '../testing/render';
import { QueueStatePanel } from './queue-state-panel';

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe("the agent's queue panel", () => {
  it('shows this interval’s SL, ASA and abandon rate per queue, compact, in words and colour', async () => {
    renderWithProviders(<QueueStatePanel variant="compact" />);
    const compact = await screen.findByTestId('queue-metrics-compact');
    expect(compact.textContent).toMatch(
      /Kinerja antrean · Interval ini \(\d\d[.:]\d\d–\d\d[.:]\d\d\)/,
    );
    const row = compact.querySelector<HTMLElement>('[data-queue="q-bansos"]')!;
    expect(row.textContent).toContain('Bantuan sosial');
    const sl = row.querySelector('[data-metric="serviceLevel"]')!;
    expect(sl.textContent).toBe('! 65% — perlu perhatian');
    expect(row.querySelector('[data-metric="asa"]')!.textContent).toBe('1 mnt 13 dtk');
    expect(row.querySelector('[data-metric="abandonRate"]')!.getAttribute('data-rating')).toBe(
      'warning',
    );
  });
});
