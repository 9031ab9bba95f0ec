/**
 * Case commands as mutations. Each carries a command id made when the form is opened, so a
 * retry after a lost ack acts once; they go through the outbox, so what is submitted while
 * disconnected is kept on this device and sent on reconnect. The acknowledged case replaces the
 * cached one at once (also when the ack comes after a reload: see app/use-outbox-session.ts).
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CommandName,
  CommandPayload,
  CommandResult,
} from '../../../../shared/protocol/events';
import type { CaseDetail } from '../../../../shared/schemas/case';
import {
  OUTBOX_COMMANDS,
  submitToOutbox,
  type OutboxCommand,
  type OutboxPayload,
} from '../../../lib/outbox';
import { sendCommand } from '../../../lib/socket';
import { caseKeys } from './case-queries';

type CaseCommand =
  | 'case:create'
  | 'case:transition'
  | 'case:extend'
  | 'case:pause'
  | 'case:resume'
  | 'case:hand-off'
  | 'case:acknowledge-hand-off'
  | 'case:return-hand-off'
  | 'case:link-contact';

export function rememberCase(queryClient: QueryClient, detail: CaseDetail): void {
  queryClient.setQueryData(caseKeys.detail(detail.case.id), detail);
  void queryClient.invalidateQueries({ queryKey: [...caseKeys.all, 'board'] });
  for (const contactId of detail.contactIds) {
    void queryClient.invalidateQueries({ queryKey: caseKeys.forContact(contactId) });
  }
}

export function useCaseCommand<N extends CaseCommand & CommandName>(name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: CommandPayload<N>) =>
      isOutboxCommand(name)
        ? submitToOutbox(name, payload as OutboxPayload<typeof name>)
        : sendCommand(name, payload),
    onSuccess: (detail: CommandResult<N>) => rememberCase(queryClient, detail as CaseDetail),
  });
}

function isOutboxCommand(name: CommandName): name is OutboxCommand {
  return (OUTBOX_COMMANDS as readonly string[]).includes(name);
}
