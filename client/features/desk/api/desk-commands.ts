/**
 * The agent's commands as mutations. Each sends through lib/socket and writes the acknowledged
 * result into the live store at once; the facts that follow say the same and change nothing.
 */
import { useMutation } from '@tanstack/react-query';
import type { CommandPayload } from '../../../../shared/protocol/events';
import type { SelectableAgentStatus } from '../../../../shared/schemas/common';
import { sendCommand } from '../../../lib/socket';
import { removeKey } from '../../../lib/storage';
import { useLiveStore } from '../../../stores/live-store';
import { clearUsedAnswers } from '../used-answers';

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
 * Logs the outcome of the held conversation. The payload carries the wrap-up form's command id,
 * so a retry after a lost ack returns the first result instead of logging twice. On success the
 * draft kept under `draftKey` and the conversation's list of answers used are dropped.
 */
export function useLogOutcome(draftKey: string) {
  return useMutation({
    mutationFn: (payload: LogOutcomePayload) => sendCommand('outcome:log', payload),
    onSuccess: (record) => {
      removeKey(draftKey);
      clearUsedAnswers(record.contact.id);
      useLiveStore.getState().deskOutcomeLogged(record);
    },
  });
}

export type SendMessagePayload = CommandPayload<'message:send'>;

/** Sends a reply. The command id is kept by the caller so a retry after a lost ack sends once. */
export function useSendMessage() {
  return useMutation({
    mutationFn: (payload: SendMessagePayload) => sendCommand('message:send', payload),
    onSuccess: (message, payload) =>
      useLiveStore.getState().ingestFact({
        name: 'conversation:message-added',
        fact: { contactId: payload.contactId, message },
      }),
  });
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
