/**
 * Case commands as mutations. Each carries a command id made when the form is opened, so a
 * retry after a lost ack acts once; the acknowledged case replaces the cached one at once.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CommandName,
  CommandPayload,
  CommandResult,
} from '../../../../shared/protocol/events';
import type { CaseDetail } from '../../../../shared/schemas/case';
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
    mutationFn: (payload: CommandPayload<N>) => sendCommand(name, payload),
    onSuccess: (detail: CommandResult<N>) => rememberCase(queryClient, detail as CaseDetail),
  });
}
