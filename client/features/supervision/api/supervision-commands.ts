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
