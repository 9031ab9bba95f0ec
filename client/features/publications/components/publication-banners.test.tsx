import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeToFacts, type FactEvent } from '../../../lib/socket';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { useNoticeFacts } from '../hooks/use-notice-facts';
import { PublicationBanners } from './publication-banners';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn() }));

let pushFact: (event: FactEvent) => void = () => undefined;

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation((listener) => {
    pushFact = listener;
    return () => undefined;
  });
});

function AgentDeskTop() {
  useNoticeFacts(aUser());
  return <PublicationBanners userId="u-agent1" />;
}

async function banners() {
  await waitFor(() => expect(screen.getAllByTestId('publication-banner')).toHaveLength(2));
  const [mustRead, ordinary] = screen.getAllByTestId('publication-banner');
  return { mustRead: mustRead!, ordinary: ordinary! };
}

// Renders Mantine in jsdom: allow for a slow, shared machine.
describe('PublicationBanners', { timeout: 15_000 }, () => {
  it('names what changed; a must-read change cannot be put away without acknowledging it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AgentDeskTop />);
    const { mustRead, ordinary } = await banners();
    expect(mustRead.textContent).toContain('Wajib baca');
    expect(mustRead.textContent).toContain(
      'Jawaban diperbarui: Syarat menerima PKH (v2) — Ditambah: lolos verifikasi.',
    );
    expect(ordinary.textContent).toContain('Jawaban baru: KTP-el hilang (v1)');

    // The must-read banner offers no way to close it, only to acknowledge.
    expect(within(mustRead).queryByTestId('banner-dismiss')).toBeNull();
    expect(within(mustRead).queryByRole('button', { name: /tutup/i })).toBeNull();
    await user.click(within(ordinary).getByTestId('banner-dismiss'));
    await waitFor(() => expect(screen.getAllByTestId('publication-banner')).toHaveLength(1));
    expect(screen.getByTestId('publication-banner').dataset.mustRead).toBe('true');

    await user.click(within(mustRead).getByTestId('banner-acknowledge'));
    await waitFor(() => expect(screen.queryAllByTestId('publication-banner')).toHaveLength(0));
  });

  it('remembers a dismissed banner on this device, but never a must-read one', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<AgentDeskTop />);
    const { ordinary } = await banners();
    await user.click(within(ordinary).getByTestId('banner-dismiss'));
    first.unmount();

    renderWithProviders(<AgentDeskTop />);
    await waitFor(() => expect(screen.getAllByTestId('publication-banner')).toHaveLength(1));
    expect(screen.getByTestId('publication-banner').dataset.mustRead).toBe('true');
  });

  it('opens the answer in a drawer and acknowledges from there', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AgentDeskTop />);
    const { mustRead } = await banners();
    await user.click(within(mustRead).getByTestId('banner-open'));
    const drawer = await screen.findByTestId('notice-drawer');
    await within(drawer).findByTestId('notice-answer');
    expect(drawer.textContent).toContain('lolos verifikasi');
    expect(drawer.textContent).toContain('Permensos 1/2018 Pasal 5');
    await user.click(within(drawer).getByTestId('drawer-acknowledge'));
    await waitFor(() => expect(screen.getAllByTestId('publication-banner')).toHaveLength(1));
    expect(screen.queryByTestId('notice-drawer')).toBeNull();
  });

  it('drops the must-read banner when the agent acknowledged it in another tab', async () => {
    renderWithProviders(<AgentDeskTop />);
    await banners();
    // Another agent's acknowledgement changes nothing here.
    act(() =>
      pushFact({
        name: 'notice:acknowledged',
        fact: { noticeId: 'n-must', agentId: 'u-agent2', agentName: 'Joko', acknowledgedAt: 1 },
      }),
    );
    expect(screen.getAllByTestId('publication-banner')).toHaveLength(2);
    act(() =>
      pushFact({
        name: 'notice:acknowledged',
        fact: { noticeId: 'n-must', agentId: 'u-agent1', agentName: 'Sari', acknowledgedAt: 1 },
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId('publication-banner')).toHaveLength(1));
    expect(screen.getByTestId('publication-banner').dataset.mustRead).toBe('false');
  });
});
