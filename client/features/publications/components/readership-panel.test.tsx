import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../../../shared/schemas/user';
import { subscribeToFacts, type FactEvent } from '../../../lib/socket';
import { aUser } from '../../../testing/fixtures';
import { aNotice } from '../../../testing/knowledge-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { useNoticeFacts } from '../hooks/use-notice-facts';
import { ReadershipPanel } from './readership-panel';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn() }));

let pushFact: (event: FactEvent) => void = () => undefined;

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation((listener) => {
    pushFact = listener;
    return () => undefined;
  });
});

const lead = aUser({ id: 'u-lead1', username: 'lead1', role: 'lead', displayName: 'Rina Lead' });
const admin = aUser({ id: 'u-admin', username: 'admin', role: 'admin', displayName: 'Admin' });

function LeadSide({ user }: { user: User }) {
  useNoticeFacts(user);
  return <ReadershipPanel user={user} />;
}

// Renders Mantine in jsdom: allow for a slow, shared machine.
describe('ReadershipPanel', { timeout: 15_000 }, () => {
  it('shows who has and has not read a must-read change, filling in live', async () => {
    renderWithProviders(<LeadSide user={lead} />);
    const notice = await screen.findByTestId('readership-notice');
    expect(within(notice).getByTestId('readership-count').textContent).toBe(
      '0 dari 2 agen sudah membaca',
    );
    expect(
      within(notice)
        .getAllByTestId('reader-pending')
        .map((r) => r.textContent),
    ).toEqual(['○ Sari Agen', '○ Joko Agen']);
    // Leads do not mark changes must-read.
    expect(within(notice).queryByTestId('toggle-must-read')).toBeNull();

    act(() =>
      pushFact({
        name: 'notice:acknowledged',
        fact: {
          noticeId: 'n-1',
          agentId: 'u-agent1',
          agentName: 'Sari Agen',
          acknowledgedAt: Date.UTC(2026, 2, 12, 3, 5),
        },
      }),
    );
    await waitFor(() =>
      expect(within(notice).getByTestId('readership-count').textContent).toBe(
        '1 dari 2 agen sudah membaca',
      ),
    );
    expect(within(notice).getByTestId('reader-done').textContent).toContain('Sari Agen');
    expect(
      within(notice)
        .getAllByTestId('reader-pending')
        .map((r) => r.textContent),
    ).toEqual(['○ Joko Agen']);
  });

  it('lets an administrator take the must-read mark off, and follows a change pushed by another', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LeadSide user={admin} />);
    const notice = await screen.findByTestId('readership-notice');
    await user.click(within(notice).getByTestId('toggle-must-read'));
    await waitFor(() => expect(within(notice).queryByTestId('readership-count')).toBeNull());
    expect(within(notice).getByTestId('toggle-must-read').textContent).toBe('Jadikan wajib baca');

    act(() =>
      pushFact({
        name: 'notice:changed',
        fact: (({ acknowledgedAt: _a, ...n }) => n)(aNotice({ mustRead: true, revision: 5 })),
      }),
    );
    await waitFor(() => expect(within(notice).getByTestId('readership-count')).toBeTruthy());
  });
});
