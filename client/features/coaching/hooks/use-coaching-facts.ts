import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Whisper } from '../../../../shared/schemas/coaching';
import type { User } from '../../../../shared/schemas/user';
import { subscribeToFacts } from '../../../lib/socket';
import { addWhisper, coachingKeys } from '../api/coaching-queries';

/**
 * Keeps the coaching queries fresh from pushed facts: whispers join their conversation's list,
 * the approval list is read again when a reply is held or decided, evaluations likewise. The
 * agent is told of a whisper, a decision on their reply and a new evaluation.
 */
export function useCoachingFacts(user: User): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        switch (event.name) {
          case 'whisper:received': {
            const whisper = event.fact;
            queryClient.setQueryData(
              coachingKeys.whispers(whisper.contactId),
              (list: Whisper[] | undefined) => addWhisper(list, whisper),
            );
            if (whisper.agentId === user.id) {
              notifications.show({
                color: 'violet',
                title: t('coaching.whispers.newTitle', { name: whisper.fromName }),
                message: whisper.text,
              });
            }
            return;
          }
          case 'approval:requested':
            void queryClient.invalidateQueries({ queryKey: coachingKeys.approvals() });
            return;
          case 'approval:decided': {
            void queryClient.invalidateQueries({ queryKey: coachingKeys.approvals() });
            const fact = event.fact;
            if (fact.agentId === user.id) {
              notifications.show({
                color: fact.decision === 'approve' ? 'teal' : 'red',
                message:
                  fact.decision === 'approve'
                    ? t(
                        fact.isEdited
                          ? 'coaching.review.toldEdited'
                          : 'coaching.review.toldApproved',
                        {
                          name: fact.byName,
                        },
                      )
                    : t('coaching.review.toldRejected', {
                        name: fact.byName,
                        reason: fact.reason ?? '',
                      }),
              });
            }
            return;
          }
          case 'evaluation:changed': {
            void queryClient.invalidateQueries({ queryKey: [...coachingKeys.all, 'evaluations'] });
            const evaluation = event.fact;
            if (evaluation.agentId === user.id && evaluation.acknowledgedAt === null) {
              notifications.show({
                color: 'blue',
                message: t('coaching.evaluation.toldNew', { name: evaluation.evaluatorName }),
              });
            }
            return;
          }
          case 'evaluation-form:changed': {
            void queryClient.invalidateQueries({ queryKey: coachingKeys.forms() });
            return;
          }
          default:
            return;
        }
      }),
    [queryClient, t, user.id],
  );
}
