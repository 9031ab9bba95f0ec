import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../../shared/schemas/contact';
import { Transcript } from '../../../components/conversation-view';
import { sendCommand } from '../../../lib/socket';
import { renderWithProviders } from '../../../testing/render';
import { ApprovalQueue } from './approval-queue';
import { CoachingSettingsForm } from './coaching-settings-form';
import { EvaluationPanel } from './evaluation-panel';
import { TraineePlanForm } from './trainee-plan-form';
import { WhisperPanel } from './whisper-panel';

vi.mock('../../../lib/socket', () => ({ sendCommand: vi.fn(), subscribeToFacts: vi.fn() }));
const send = vi.mocked(sendCommand);

beforeEach(() => {
  send.mockReset();
});

const T0 = Date.UTC(2026, 2, 12, 2, 0, 0);

describe('the approval queue', () => {
  it('lists a held reply and approves it as written', async () => {
    send.mockResolvedValue({} as never);
    const user = userEvent.setup();
    renderWithProviders(<ApprovalQueue />);
    const item = await screen.findByTestId('approval-item');
    expect(item.textContent).toContain('Bisa diurus besok di kantor.');
    expect(item.textContent).toContain('Dewi Lestari');
    expect(item.textContent).toContain('Peserta latih');
    await user.click(within(item).getByRole('button', { name: 'Setujui' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('approval:decide', {
      messageId: 'm-held-1',
      decision: 'approve',
      commandId: expect.any(String),
    });
  });

  it('sends the approver’s edit with the approval', async () => {
    send.mockResolvedValue({} as never);
    const user = userEvent.setup();
    renderWithProviders(<ApprovalQueue />);
    const item = await screen.findByTestId('approval-item');
    await user.click(within(item).getByRole('button', { name: 'Sunting' }));
    const text = within(item).getByLabelText('Teks balasan yang akan dikirim');
    await user.clear(text);
    await user.type(text, 'Silakan ke Disdukcapil membawa surat kehilangan.');
    await user.click(within(item).getByRole('button', { name: 'Setujui suntingan' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('approval:decide', {
        messageId: 'm-held-1',
        decision: 'approve',
        text: 'Silakan ke Disdukcapil membawa surat kehilangan.',
        commandId: expect.any(String),
      }),
    );
  });

  it('rejects only with a reason for the agent', async () => {
    send.mockResolvedValue({} as never);
    const user = userEvent.setup();
    renderWithProviders(<ApprovalQueue />);
    const item = await screen.findByTestId('approval-item');
    await user.click(within(item).getByRole('button', { name: 'Tolak' }));
    const reject = within(item).getByTestId('approval-reject');
    expect(reject).toHaveProperty('disabled', true);
    await user.type(
      within(item).getByLabelText('Alasan penolakan (dibaca agen)'),
      'Sebut syaratnya.',
    );
    await user.click(reject);
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('approval:decide', {
        messageId: 'm-held-1',
        decision: 'reject',
        reason: 'Sebut syaratnya.',
        commandId: expect.any(String),
      }),
    );
  });

  it('beside one conversation, shows only that conversation’s held replies, and nothing when none', async () => {
    renderWithProviders(<ApprovalQueue contactId="c-other" />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('approval-queue')).toBeNull();
  });
});

describe('whispers', () => {
  it('shows the agent what their trainer whispered, with who and when', async () => {
    renderWithProviders(<WhisperPanel contactId="c-1" />);
    const panel = await screen.findByTestId('whisper-panel');
    expect(panel.textContent).toContain('Maria Simanjuntak');
    expect(panel.textContent).toContain('Tanyakan nomor KK-nya dulu.');
    expect(panel.textContent).toContain('Hanya Anda yang melihat ini');
    expect(within(panel).queryByRole('textbox')).toBeNull();
  });

  it('stays out of the way on the desk when nobody whispered', async () => {
    renderWithProviders(<WhisperPanel contactId="c-quiet" />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('whisper-panel')).toBeNull();
  });

  it('lets the trainer whisper to the agent and shows it once acknowledged', async () => {
    send.mockResolvedValue({
      id: 'w-2',
      agentId: 'u-trainee',
      contactId: 'c-1',
      text: 'Sebutkan nomor referensi.',
      fromId: 'u-trainer',
      fromName: 'Maria Simanjuntak',
      at: T0 + 120_000,
    } as never);
    const user = userEvent.setup();
    renderWithProviders(
      <WhisperPanel contactId="c-1" whisperTo={{ agentId: 'u-trainee', name: 'Dewi Lestari' }} />,
    );
    const input = await screen.findByLabelText('Bisikan ke Dewi Lestari');
    await user.type(input, 'Sebutkan nomor referensi.');
    await user.click(screen.getByRole('button', { name: 'Bisikkan' }));
    expect(send).toHaveBeenCalledWith('whisper:send', {
      agentId: 'u-trainee',
      contactId: 'c-1',
      text: 'Sebutkan nomor referensi.',
      commandId: expect.any(String),
    });
    await waitFor(() => expect(screen.getAllByTestId('whisper')).toHaveLength(2));
    expect((input as HTMLTextAreaElement).value).toBe('');
  });
});

describe('held replies in the transcript', () => {
  const reply = (overrides: Partial<Message>): Message => ({
    id: 'm1',
    direction: 'outbound',
    text: 'Balasan',
    at: T0,
    deliveryStatus: 'queued',
    failureReason: null,
    authorName: 'Dewi Lestari',
    ...overrides,
  });

  it('says in words whether a reply waits, was edited and sent, or was rejected and why', () => {
    renderWithProviders(
      <Transcript
        messages={[
          reply({
            id: 'm1',
            deliveryStatus: 'awaiting_approval',
            review: { state: 'pending', byName: null, reason: null, originalText: null },
          }),
          reply({
            id: 'm2',
            at: T0 + 1,
            text: 'Versi yang disunting',
            deliveryStatus: 'sent',
            review: {
              state: 'edited',
              byName: 'Maria Simanjuntak',
              reason: null,
              originalText: 'Versi asli',
            },
          }),
          reply({
            id: 'm3',
            at: T0 + 2,
            deliveryStatus: 'rejected',
            review: {
              state: 'rejected',
              byName: 'Agus Prasetyo',
              reason: 'Nada menyalahkan',
              originalText: null,
            },
          }),
        ]}
      />,
    );
    const notes = screen.getAllByTestId('review-note').map((note) => note.textContent);
    expect(notes).toEqual([
      'Menunggu persetujuan pelatih atau atasan',
      'Disunting Maria Simanjuntak sebelum dikirimTulisan semula: “Versi asli”',
      '✕ Ditolak Agus Prasetyo: Nada menyalahkan',
    ]);
    // One state line per held reply: the delivery line only once the reply left.
    expect(screen.getAllByTestId('delivery-status').map((line) => line.textContent)).toEqual([
      '✓ Terkirim',
    ]);
  });
});

describe("a trainee's plan", () => {
  it('raises the chat cap and adds a topic, and shows who changed it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TraineePlanForm agentId="u-trainee" agentName="Dewi Lestari" />);
    const chat = await screen.findByLabelText('Chat bersamaan');
    expect((chat as HTMLInputElement).value).toBe('1');
    await user.clear(chat);
    await user.type(chat, '2');
    await user.click(await screen.findByText('Informasi umum'));
    await user.click(screen.getByRole('button', { name: 'Simpan rencana' }));
    expect(await screen.findByText('Terakhir diubah Maria Simanjuntak')).toBeTruthy();
    expect(((await screen.findByLabelText('Chat bersamaan')) as HTMLInputElement).value).toBe('2');
    expect(
      (screen.getByRole('checkbox', { name: 'Informasi umum' }) as HTMLInputElement).checked,
    ).toBe(true);
  });
});

describe('the coaching settings', () => {
  it('lets an administrator hold replies to state officials too, and keeps what was saved', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<CoachingSettingsForm />);
    const media = await screen.findByRole('checkbox', { name: 'Media massa' });
    expect((media as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Penyelenggara negara' }));
    await user.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    // Read back from the server: what was saved is what shows.
    await act(() => queryClient.resetQueries({ queryKey: ['coaching', 'settings'] }));
    const official = await screen.findByRole('checkbox', { name: 'Penyelenggara negara' });
    expect((official as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByRole('checkbox', { name: 'Media massa' }) as HTMLInputElement).checked,
    ).toBe(true);
  });
});

describe('the evaluation panel', () => {
  it('scores the trainee on a conversation they passed on, not the agent it was moved to', async () => {
    send.mockResolvedValue({} as never);
    const user = userEvent.setup();
    renderWithProviders(
      <EvaluationPanel
        agentId="u-trainee"
        conversation={{ contactId: 'c-1', reference: 'TGP-20260312-00001' }}
      />,
    );
    await user.click(await screen.findByTestId('evaluation-start'));
    // The one in front, and one the trainee took yesterday and no longer holds.
    const conversations = (await screen.findByTestId(
      'evaluation-conversation',
    )) as HTMLSelectElement;
    expect(
      within(conversations)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['TGP-20260312-00001', 'TGP-20260311-00042']);
    await user.selectOptions(conversations, 'c-9');
    const choice = (await screen.findByTestId('evaluation-agent')) as HTMLSelectElement;
    await waitFor(() => expect(choice.value).toBe('u-trainee'));
    const options = within(choice).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((option) => [option.textContent, option.disabled])).toEqual([
      ['Dewi Lestari (peserta latih)', false],
      ['Budi Santoso', true],
    ]);
    for (const [question, mark] of [
      ['greeting', '1'],
      ['verify', '1'],
      ['accuracy', '4'],
      ['plain', '3'],
      ['reference', '1'],
    ] as const) {
      await user.click(
        within(screen.getByTestId(`evaluation-question-${question}`)).getByRole('radio', {
          name: mark,
        }),
      );
    }
    await user.click(screen.getByTestId('evaluation-submit'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith(
      'evaluation:submit',
      expect.objectContaining({ contactId: 'c-9', agentId: 'u-trainee', formId: 'form-standard' }),
    );
  });
});
