import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/schemas/case';
import type { Message } from '../../shared/schemas/contact';
import type { OutcomeRecord } from '../../shared/schemas/outcome';
import type { User } from '../../shared/schemas/user';
import { outboxEntryError, outboxEntryLabel } from '../components/outbox-indicator';
import { rememberCase } from '../features/cases/api/case-commands';
import { wrapupDraftKey } from '../features/desk/hooks/use-wrapup-draft';
import { clearUsedAnswers } from '../features/desk/used-answers';
import { Outbox, setCurrentOutbox, type OutboxEntry } from '../lib/outbox';
import { clearPolicyFeedback } from '../lib/policy-feedback';
import { sendCommand } from '../lib/socket';
import { removeKey } from '../lib/storage';
import { useLiveStore } from '../stores/live-store';

/**
 * What an acknowledged entry changes on screen, whether the form that sent it is still open or the
 * page was reloaded since: the outcome closes the conversation (only now, never before the ack),
 * the reply joins the transcript, the case replaces the cached one.
 */
export function applyAcknowledged(
  entry: OutboxEntry,
  result: unknown,
  queryClient: QueryClient,
): void {
  switch (entry.name) {
    case 'outcome:log': {
      const payload = entry.payload as { contactId: string };
      removeKey(wrapupDraftKey(entry.userId, payload.contactId));
      clearUsedAnswers(payload.contactId);
      clearPolicyFeedback(payload.contactId);
      useLiveStore.getState().deskOutcomeLogged(result as OutcomeRecord);
      return;
    }
    case 'message:send': {
      const payload = entry.payload as { contactId: string };
      useLiveStore.getState().ingestFact({
        name: 'conversation:message-added',
        fact: { contactId: payload.contactId, message: result as Message },
      });
      return;
    }
    default:
      rememberCase(queryClient, result as CaseDetail);
  }
}

/**
 * The signed-in user's outbox for as long as they are signed in: opened (and loaded from the
 * device) at sign-in, sent whenever the connection is (back) up, closed at sign-out, when what
 * is left stays on the device for this user's next session and nobody else's.
 */
export function useOutboxSession(user: User): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  }, [t]);

  useEffect(() => {
    const opening = Outbox.open({
      userId: user.id,
      send: (name, payload) => sendCommand(name, payload),
      isConnected: () => useLiveStore.getState().connection === 'connected',
      onAcked: (entry, result) => applyAcknowledged(entry, result, queryClient),
      // A refusal the submitting form does not show (it was sent before a reload) is announced.
      onFailed: (entry, _error, isAwaited) => {
        if (isAwaited) return;
        notifications.show({
          color: 'red',
          title: translate.current('outbox.failedTitle'),
          message: translate.current('outbox.failedBody', {
            what: outboxEntryLabel(entry, translate.current),
            reason: outboxEntryError(entry, translate.current),
          }),
        });
      },
    });
    setCurrentOutbox(opening);
    const offConnection = useLiveStore.subscribe((state, previous) => {
      if (state.connection === 'connected' && previous.connection !== 'connected') {
        void opening.then((outbox) => outbox.flush());
      }
    });
    void opening.then((outbox) => outbox.flush());
    return () => {
      offConnection();
      setCurrentOutbox(null);
      void opening.then((outbox) => outbox.close());
    };
  }, [user.id, queryClient]);
}
