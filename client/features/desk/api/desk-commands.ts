/**
 * The agent's commands as mutations. Each sends through lib/socket and writes the acknowledged
 * result into the live store at once; the facts that follow say the same and change nothing.
 */
import { useMutation } from '@tanstack/react-query';
import type { CommandPayload } from '../../../../shared/protocol/events';
import type { SelectableAgentStatus } from '../../../../shared/schemas/common';
import { sendCommand } from '../../../lib/socket';
import { submitToOutbox } from '../../../lib/outbox';
import { useLiveStore } from '../../../stores/live-store';

export function useSetStatus() {
  return useMutation({
    mutationFn: (status: SelectableAgentStatus) => sendCommand('agent:set-status', { status }),
    onSuccess: (view) => useLiveStore.getState().deskAgentChanged(view),
  });
}

export function useAcceptOffer() {
  return useMutation({
    mutationFn: (offerId: string) => sendCommand('offer:accept', { offerId }),
    onSuccess: (detail) => useLiveStore.getState().deskAccepted(detail),
  });
}

export function useRejectOffer() {
  return useMutation({
    mutationFn: (input: { offerId: string; reason?: string }) => sendCommand('offer:reject', input),
    onSuccess: ({ offerId }) => useLiveStore.getState().deskOfferRemoved(offerId),
  });
}

export type LogOutcomePayload = CommandPayload<'outcome:log'>;

/**
 * Logs the outcome of the held conversation through the outbox: kept on this device first, sent
 * when connected, with the wrap-up form's command id so a resend after a lost ack logs once. The
 * mutation settles with the server's answer, however long that takes; what the answer changes
 * (the conversation closes, the draft goes) is done by the outbox session (app/), so it also
 * happens after a reload.
 */
export function useLogOutcome() {
  return useMutation({
    mutationFn: (payload: LogOutcomePayload) => submitToOutbox('outcome:log', payload),
  });
}

export type SendMessagePayload = CommandPayload<'message:send'>;

/**
 * Queues a reply in the outbox; it shows in the transcript as pending until the server has it
 * (see `usePendingReplies`). The command id makes a resend after a lost ack send once.
 */
export function sendReply(payload: SendMessagePayload): void {
  void submitToOutbox('message:send', payload);
}

export type TransferPayload = CommandPayload<'conversation:transfer'>;

export function useTransfer() {
  return useMutation({
    mutationFn: (payload: TransferPayload) => sendCommand('conversation:transfer', payload),
  });
}

/** The agent moves in a conversation's script: on with the citizen's answer, or one step back. */
export function useScriptMove() {
  return useMutation({
    mutationFn: (
      move:
        | { kind: 'answer'; contactId: string; atStepId: string; optionId: string | null }
        | { kind: 'back'; contactId: string; atStepId: string },
    ) =>
      move.kind === 'answer'
        ? sendCommand('script:answer', {
            contactId: move.contactId,
            atStepId: move.atStepId,
            optionId: move.optionId,
          })
        : sendCommand('script:back', { contactId: move.contactId, atStepId: move.atStepId }),
    onSuccess: (state) => useLiveStore.getState().deskScriptMoved(state),
  });
}
