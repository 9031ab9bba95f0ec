import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { referenceDataQueryOptions } from '../../../lib/reference-data';
import { sendCommand, subscribeToFacts } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';
import { aContact, anAgentView, referenceData } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { useLeadDrag } from '../stores/lead-drag';
import { AgentsTable } from './agents-table';
import { ConversationsTable } from './conversations-table';
import { QueueDropZone } from './queue-drop-zone';
import { ReassignModal, type ReassignRequest } from './reassign-modal';
import { TransferQueueModal, type TransferRequest } from './transfer-queue-modal';

vi.mock('../../../lib/socket', () => ({ subscribeToFacts: vi.fn(), sendCommand: vi.fn() }));

const waiting = aContact({ id: 'c-wait', reference: 'TGP-0001', status: 'waiting' });
const held = aContact({
  id: 'c-held',
  reference: 'TGP-0002',
  status: 'active',
  assignedAgentId: 'u-agent1',
  assignedAgentName: 'Sari Agen',
});

beforeEach(() => {
  vi.mocked(subscribeToFacts).mockImplementation(() => () => undefined);
  vi.mocked(sendCommand).mockReset();
  useLiveStore.getState().reset();
  useLeadDrag.getState().endDrag();
  useLiveStore.getState().hydrateBoard(
    {
      agents: [
        anAgentView({
          id: 'u-agent1',
          displayName: 'Sari Agen',
          status: 'on_contact',
          activeContactIds: ['c-held'],
          load: { voice: 0, chat: 1, email: 0 },
        }),
        anAgentView({ id: 'u-agent2', displayName: 'Joko Agen' }),
        anAgentView({
          id: 'u-agent3',
          displayName: 'Penuh Agen',
          status: 'on_contact',
          load: { voice: 0, chat: 3, email: 0 },
        }),
      ],
      conversations: [waiting, held],
      recentOutcomes: [],
    },
    useLiveStore.getState().factSeq,
  );
});

/** The console's moving parts, wired as the lead console wires them. */
function Console() {
  const [reassigning, setReassigning] = useState<ReassignRequest | null>(null);
  const [transferring, setTransferring] = useState<TransferRequest | null>(null);
  return (
    <>
      <AgentsTable
        onDropConversation={(contact, toAgentId) => setReassigning({ contact, toAgentId })}
      />
      <QueueDropZone onDrop={(contact, toQueueId) => setTransferring({ contact, toQueueId })} />
      <ConversationsTable
        onReassign={(contact) => setReassigning({ contact })}
        onTransfer={(contact) => setTransferring({ contact })}
      />
      <ReassignModal request={reassigning} onClose={() => setReassigning(null)} />
      <TransferQueueModal request={transferring} onClose={() => setTransferring(null)} />
    </>
  );
}

/** The console, once the reference data names three queues (one of them telephone only). */
async function renderConsole() {
  const { queryClient } = renderWithProviders(<Console />);
  await screen.findByTestId('queue-drop-q-bansos');
  act(() =>
    queryClient.setQueryData(referenceDataQueryOptions().queryKey, {
      ...referenceData(),
      queues: [
        { id: 'q-bansos', name: 'Bantuan sosial', topic: 'bansos', channels: ['whatsapp'] },
        { id: 'q-pendidikan', name: 'Pendidikan', topic: 'pendidikan', channels: ['whatsapp'] },
        { id: 'q-telepon', name: 'Telepon saja', topic: 'bansos', channels: ['voice'] },
      ],
    }),
  );
  await screen.findByTestId('queue-drop-q-pendidikan');
}

function dataTransfer() {
  return { setData: vi.fn(), getData: vi.fn(), dropEffect: 'none', effectAllowed: 'all' };
}

/** Drags a conversation row onto a target, as the browser fires it. */
function drag(reference: string, target: () => HTMLElement): void {
  const transfer = dataTransfer();
  fireEvent.dragStart(screen.getByTestId(`conversation-row-${reference}`), {
    dataTransfer: transfer,
  });
  fireEvent.dragOver(target(), { dataTransfer: transfer });
  fireEvent.drop(target(), { dataTransfer: transfer });
  fireEvent.dragEnd(screen.getByTestId(`conversation-row-${reference}`), {
    dataTransfer: transfer,
  });
}

describe('moving conversations on the lead console', { timeout: 15_000 }, () => {
  it('dropped on an agent row, opens the reassignment with that agent chosen, and sends what the lead saw', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue({
      ...waiting,
      status: 'active',
      assignedAgentId: 'u-agent2',
      version: 2,
    } satisfies ContactSummary);
    await renderConsole();
    drag('TGP-0001', () => screen.getByTestId('agent-row-u-agent2'));
    const target = (await screen.findByTestId('reassign-target')) as HTMLSelectElement;
    expect(target.value).toBe('u-agent2');
    await user.type(screen.getByTestId('reassign-reason'), 'Joko paham bansos');
    await user.click(screen.getByTestId('reassign-submit'));
    await waitFor(() => expect(sendCommand).toHaveBeenCalled());
    const [name, payload] = vi.mocked(sendCommand).mock.calls[0]!;
    expect(name).toBe('conversation:reassign');
    expect(payload).toMatchObject({
      contactId: 'c-wait',
      toAgentId: 'u-agent2',
      reason: 'Joko paham bansos',
      seen: { queueId: 'q-bansos', holderId: null },
    });
  });

  it('while dragging, marks the rows that take it and says why the others do not; a refused drop opens nothing', async () => {
    await renderConsole();
    const row = screen.getByTestId('conversation-row-TGP-0002');
    fireEvent.dragStart(row, { dataTransfer: dataTransfer() });
    const holder = screen.getByTestId('agent-row-u-agent1');
    const full = screen.getByTestId('agent-row-u-agent3');
    expect(screen.getByTestId('agent-row-u-agent2').dataset.drop).toBe('allowed');
    expect(holder.dataset.drop).toBe('refused');
    expect(within(holder).getByTestId('drop-refusal').textContent).toBe('Sedang memegangnya');
    expect(within(full).getByTestId('drop-refusal').textContent).toBe('Kapasitas penuh');
    const current = await screen.findByTestId('queue-drop-q-bansos');
    expect(within(current).getByTestId('drop-note').textContent).toBe('Antrean saat ini');
    expect(
      within(screen.getByTestId('queue-drop-q-telepon')).getByTestId('drop-note').textContent,
    ).toBe('Tidak melayani kanal ini');
    expect(
      within(screen.getByTestId('queue-drop-q-pendidikan')).getByTestId('drop-note').textContent,
    ).toBe('Lepas di sini');
    expect(screen.getByTestId('queue-drop-q-pendidikan').dataset.drop).toBe('allowed');

    // The browser drops only where dragover was taken: a refused row leaves it untaken.
    expect(
      fireEvent.dragOver(screen.getByTestId('agent-row-u-agent2'), {
        dataTransfer: dataTransfer(),
      }),
    ).toBe(false);
    expect(fireEvent.dragOver(holder, { dataTransfer: dataTransfer() })).toBe(true);
    fireEvent.drop(holder, { dataTransfer: dataTransfer() });
    fireEvent.dragEnd(row, { dataTransfer: dataTransfer() });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('reassign-target')).toBeNull();
    // Once the drag ends, the targets are plain again.
    expect(holder.dataset.drop).toBeUndefined();
  });

  it('dropped on a queue, opens the transfer with that queue chosen and sends it with the reason', async () => {
    const user = userEvent.setup();
    vi.mocked(sendCommand).mockResolvedValue({
      ...held,
      status: 'waiting',
      queueId: 'q-pendidikan',
      assignedAgentId: null,
      assignedAgentName: null,
      version: 3,
    } satisfies ContactSummary);
    await renderConsole();
    drag('TGP-0002', () => screen.getByTestId('queue-drop-q-pendidikan'));
    const target = (await screen.findByTestId('transfer-target')) as HTMLSelectElement;
    expect(target.value).toBe('q-pendidikan');
    // The queues it cannot go to are there, but not choosable.
    const options = within(target).getAllByRole('option') as HTMLOptionElement[];
    expect(options.find((o) => o.value === 'q-telepon')?.disabled).toBe(true);
    expect(options.find((o) => o.value === 'q-bansos')?.disabled).toBe(true);
    await user.type(screen.getByTestId('transfer-reason'), 'Soal sekolah');
    await user.click(screen.getByTestId('transfer-submit'));
    await waitFor(() => expect(sendCommand).toHaveBeenCalled());
    const [name, payload] = vi.mocked(sendCommand).mock.calls[0]!;
    expect(name).toBe('conversation:transfer-to-queue');
    expect(payload).toMatchObject({
      contactId: 'c-held',
      toQueueId: 'q-pendidikan',
      reason: 'Soal sekolah',
      seen: { queueId: 'q-bansos', holderId: 'u-agent1' },
    });
    await waitFor(() => expect(screen.queryByTestId('transfer-target')).toBeNull());
  });

  it('offers the transfer by a button too (keyboard), and asks for the queue and the reason', async () => {
    const user = userEvent.setup();
    await renderConsole();
    const row = screen.getByTestId('conversation-row-TGP-0001');
    await user.click(within(row).getByRole('button', { name: 'Alihkan TGP-0001 ke antrean lain' }));
    await user.click(await screen.findByTestId('transfer-submit'));
    expect(await screen.findByText('Pilih antrean tujuan.')).toBeTruthy();
    expect(screen.getByText('Isi alasan pemindahan.')).toBeTruthy();
    expect(sendCommand).not.toHaveBeenCalled();
  });
});
