import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicyPrompt } from '../../../../shared/schemas/policy';
import { sendCommand } from '../../../lib/socket';
import { loadPolicyFeedback, toPolicyFeedbackPayload } from '../../../lib/policy-feedback';
import { useLiveStore } from '../../../stores/live-store';
import { aConversation, aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { DeskScreen } from '../../desk/components/desk-screen';
import { PolicyFeedbackFields } from './policy-feedback-fields';
import { PolicyPrompts } from './policy-prompts';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn(), subscribeToFacts: vi.fn() }));
const sendCommandMock = vi.mocked(sendCommand);

const frame = { user: aUser(), onSignOut: () => undefined, isSigningOut: false };

async function renderDesk(channel: 'whatsapp' | 'voice') {
  renderWithProviders(
    <DeskScreen
      frame={frame}
      slots={{
        renderPolicyPrompts: (conversation) => <PolicyPrompts {...conversation} />,
        renderWrapupExtras: (contactId) => <PolicyFeedbackFields contactId={contactId} />,
      }}
    />,
  );
  await screen.findByTestId('current-status');
  act(() => {
    useLiveStore.getState().deskAccepted(aConversation({ id: 'c-pol', channel }));
  });
  return screen.findByTestId('policy-prompt');
}

function marked(mark: PolicyPrompt['mark']): PolicyPrompt {
  return {
    contactId: 'c-pol',
    campaignId: 'camp-pkh',
    policyId: 'pol-pkh',
    title: 'PKH 2026',
    plainSummary: 'PKH hanya cair bila data DTSEN sudah diperbarui.',
    message: 'Info: perbarui data DTSEN agar PKH tetap cair.',
    effectiveFrom: 0,
    mark,
  };
}

beforeEach(() => {
  useLiveStore.getState().reset();
  window.localStorage.clear();
  sendCommandMock.mockReset();
});

describe('policy prompts on the desk', { timeout: 20_000 }, () => {
  it('appends the campaign message to the reply in one action and shows the mark', async () => {
    const user = userEvent.setup();
    const prompt = await renderDesk('whatsapp');
    expect(prompt.textContent).toContain('PKH hanya cair bila data DTSEN sudah diperbarui.');
    // Until it is marked, the wrap-up says so.
    expect((await screen.findByTestId('policy-feedback-unmarked')).textContent).toContain(
      'PKH 2026',
    );
    sendCommandMock.mockResolvedValue(marked({ isShared: true, method: 'appended', at: 1 }));
    await user.click(within(prompt).getByTestId('policy-prompt-append'));
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith(
        'policy:mark-shared',
        expect.objectContaining({
          contactId: 'c-pol',
          campaignId: 'camp-pkh',
          mark: { isShared: true, method: 'appended' },
        }),
      ),
    );
    await waitFor(() =>
      expect((screen.getByTestId('reply-text') as HTMLTextAreaElement).value).toBe(
        'Info: perbarui data DTSEN agar PKH tetap cair.',
      ),
    );
    expect(within(prompt).getByTestId('policy-prompt-mark').textContent).toContain(
      'Ditambahkan ke balasan',
    );
    expect(screen.queryByTestId('policy-feedback-unmarked')).toBeNull();

    // The shared policy waits in the wrap-up for the citizen's understanding and question.
    const row = await screen.findByTestId('policy-feedback-row');
    expect(row.textContent).toContain('Belum dipilih');
    await user.click(within(row).getByText('Bingung'));
    await user.type(within(row).getByTestId('policy-feedback-question'), 'Kapan cair?');
    expect(toPolicyFeedbackPayload(loadPolicyFeedback('c-pol'))).toEqual([
      { policyId: 'pol-pkh', understanding: 'confused', question: 'Kapan cair?' },
    ]);
  });

  it('offers no "append" on a call, and asks why when not shared', async () => {
    const user = userEvent.setup();
    const prompt = await renderDesk('voice');
    expect(within(prompt).queryByTestId('policy-prompt-append')).toBeNull();
    await user.click(within(prompt).getByTestId('policy-prompt-not-shared'));
    await user.selectOptions(within(prompt).getByTestId('policy-prompt-reason'), 'other');
    const save = within(prompt).getByTestId('policy-prompt-save-reason');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(prompt).getByLabelText('Keterangan'), 'Penelepon terburu-buru');
    sendCommandMock.mockResolvedValue(
      marked({ isShared: false, reason: 'other', note: 'Penelepon terburu-buru', at: 1 }),
    );
    await user.click(save);
    await waitFor(() =>
      expect(sendCommandMock).toHaveBeenCalledWith(
        'policy:mark-shared',
        expect.objectContaining({
          mark: { isShared: false, reason: 'other', note: 'Penelepon terburu-buru' },
        }),
      ),
    );
    expect((await within(prompt).findByTestId('policy-prompt-mark')).textContent).toContain(
      'Tidak disampaikan: Lainnya',
    );
  });
});
