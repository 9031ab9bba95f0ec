import { useMutation } from '@tanstack/react-query';
import type { CommandPayload } from '../../../../shared/protocol/events';
import { sendCommand } from '../../../lib/socket';
import { useLiveStore } from '../../../stores/live-store';

/** A lead moves a conversation to a named agent, with a reason both agents will see. */
export function useReassign() {
  return useMutation({
    mutationFn: (payload: CommandPayload<'conversation:reassign'>) =>
      sendCommand('conversation:reassign', payload),
    onSuccess: (contact) => useLiveStore.getState().boardContactChanged(contact),
  });
}

/** A lead hands a conversation to another queue, with a reason its holder and receiver see. */
export function useTransferToQueue() {
  return useMutation({
    mutationFn: (payload: CommandPayload<'conversation:transfer-to-queue'>) =>
      sendCommand('conversation:transfer-to-queue', payload),
    onSuccess: (contact) => {
      // Handed to another team's queue, it left this board (`conversation:left-team` comes before
      // the answer): the answer must not bring it back.
      const live = useLiveStore.getState();
      if (contact.id in live.board.contacts) live.boardContactChanged(contact);
    },
  });
}
