import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeToFacts } from '../../../lib/socket';
import { caseKeys } from '../api/case-queries';

/**
 * Keeps case queries fresh from pushed facts and raises the warnings, breaches, escalations and
 * bounced hand-offs as notifications (which the notification region reads out).
 */
export function useCaseFacts(): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        switch (event.name) {
          case 'case:changed':
            void queryClient.invalidateQueries({ queryKey: caseKeys.all });
            return;
          case 'case:warned': {
            const { fact } = event;
            notifications.show({
              color:
                fact.isBreach || fact.level === 100
                  ? 'red'
                  : fact.level >= 80
                    ? 'orange'
                    : 'yellow',
              message: fact.isBreach
                ? t('cases.notices.breached', { reference: fact.reference })
                : t('cases.notices.warned', {
                    reference: fact.reference,
                    clock: t(`cases.clock.${fact.clock}`),
                    level: fact.level,
                  }),
            });
            void queryClient.invalidateQueries({ queryKey: caseKeys.all });
            return;
          }
          case 'case:escalated':
            notifications.show({
              color: 'red',
              message: t('cases.notices.escalated', {
                reference: event.fact.reference,
                step: event.fact.step + 1,
              }),
            });
            return;
          case 'case:hand-off-bounced':
            notifications.show({
              color: 'orange',
              message: t('cases.notices.bounced', {
                reference: event.fact.reference,
                unit: event.fact.unitName,
              }),
            });
            void queryClient.invalidateQueries({ queryKey: caseKeys.all });
            return;
          default:
            return;
        }
      }),
    [queryClient, t],
  );
}
