import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../shared/domain/zoned-time';
import { i18n } from '../i18n';
import { currentFactSeq, useLiveStore } from '../stores/live-store';
import { aQueueState } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render';
import { openStateText } from './queue-open-state';
import { QueueStatePanel } from './queue-state-panel';

function at(iso: string): number {
  return parseIsoInstant(iso)!;
}

const SATURDAY = at('2026-03-14T10:00:00+07:00');
const id = i18n.getFixedT('id');
const en = i18n.getFixedT('en');

function closed(
  opensAt: number | null,
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' = 'Asia/Jakarta',
) {
  return { isOpen: false, opensAt, closesAt: null, timeZone };
}

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe('openStateText', () => {
  it('names the weekday of an opening this week, in the queue zone, in both languages', () => {
    const monday = closed(at('2026-03-16T08:00:00+07:00'));
    expect(openStateText(monday, SATURDAY, 'id', id)).toBe('Tutup — buka lagi Senin 08.00 WIB');
    expect(openStateText(monday, SATURDAY, 'en', en)).toBe('Closed — opens Monday 08:00 WIB');
  });

  it('says only the time for an opening later today, and adds the date a week or more ahead', () => {
    const lunch = closed(at('2026-03-14T13:00:00+08:00'), 'Asia/Makassar');
    expect(openStateText(lunch, SATURDAY, 'id', id)).toBe('Tutup — buka lagi pukul 13.00 WITA');
    expect(openStateText(lunch, SATURDAY, 'en', en)).toBe('Closed — opens at 13:00 WITA');
    const afterLeave = closed(at('2026-03-25T08:00:00+07:00'));
    expect(openStateText(afterLeave, SATURDAY, 'id', id)).toBe(
      'Tutup — buka lagi Rabu, 25 Maret 2026 08.00 WIB',
    );
    expect(openStateText(closed(null), SATURDAY, 'id', id)).toBe('Tutup');
  });

  it('tells until when an open queue is open, and nothing for 24/7', () => {
    const office = {
      isOpen: true,
      opensAt: null,
      closesAt: at('2026-03-14T16:00:00+07:00'),
      timeZone: 'Asia/Jakarta' as const,
    };
    expect(openStateText(office, SATURDAY, 'id', id)).toBe('Buka sampai 16.00 WIB');
    expect(openStateText(office, SATURDAY, 'en', en)).toBe('Open until 16:00 WIB');
    expect(openStateText({ ...office, closesAt: null }, SATURDAY, 'id', id)).toBeNull();
  });
});

describe('the queue list', () => {
  it('shows a closed queue as closed, with when it opens, as text; an open one shows nothing extra', async () => {
    renderWithProviders(<QueueStatePanel variant="compact" />);
    const panel = await screen.findByTestId('queue-state');
    expect(within(panel).queryByTestId('queue-open-state')).toBeNull();
    const [figures] = aQueueState().queues;
    act(() => {
      useLiveStore.getState().hydrateQueue(
        aQueueState({
          version: 2,
          queues: [{ ...figures!, isOpen: false, opensAt: Date.now() + 3 * 86_400_000 }],
        }),
        currentFactSeq(),
      );
    });
    const badge = within(screen.getByTestId('queue-state')).getByTestId('queue-open-state');
    expect(badge.getAttribute('data-open')).toBe('false');
    expect(badge.textContent).toMatch(/^Tutup — buka lagi \w+ \d\d\.\d\d WIB$/);
  });
});
