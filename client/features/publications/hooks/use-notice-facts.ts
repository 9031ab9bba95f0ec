import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mayAcknowledge, mayViewReadership } from '../../../../shared/domain/publications';
import type { PublicationNotice } from '../../../../shared/schemas/publication';
import type { User } from '../../../../shared/schemas/user';
import { subscribeToFacts } from '../../../lib/socket';
import {
  applyAcknowledged,
  markAcknowledged,
  mergeMyNotice,
  mergeReadershipNotice,
  noticeKeys,
  updateMine,
  updateReadership,
} from '../api/notice-queries';
import { noticeHeadline } from '../notice-text';

/**
 * Keeps the notice queries current from pushed facts: an agent's desk banners appear (and go when
 * acknowledged in another tab) at once; a lead's readership view fills in as agents acknowledge.
 * Leads and trainers, who have no desk, are told of a publication by a notification.
 * `onPublished` lets the app refresh what else shows the published item.
 */
export function useNoticeFacts(
  user: User,
  onPublished: (notice: PublicationNotice) => void = () => undefined,
): void {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        switch (event.name) {
          case 'notice:published':
          case 'notice:changed': {
            const notice = event.fact;
            if (mayAcknowledge(user.role)) {
              updateMine(queryClient, (data) => mergeMyNotice(data, notice));
              // The merged list shows at once; the read settles any race with a snapshot in flight.
              void queryClient.invalidateQueries({ queryKey: noticeKeys.mine() });
            }
            if (mayViewReadership(user.role)) {
              updateReadership(queryClient, (data) => mergeReadershipNotice(data, notice));
              if (event.name === 'notice:published') {
                void queryClient.invalidateQueries({ queryKey: noticeKeys.readership() });
              }
            }
            if (event.name === 'notice:published') {
              if (!mayAcknowledge(user.role)) {
                notifications.show({
                  color: 'teal',
                  title: noticeHeadline(notice, t),
                  message:
                    notice.whatChanged ?? t('notices.byName', { name: notice.publishedByName }),
                });
              }
              onPublished(notice);
            }
            return;
          }
          case 'notice:acknowledged': {
            const fact = event.fact;
            if (fact.agentId === user.id) {
              updateMine(queryClient, (data) =>
                markAcknowledged(data, fact.noticeId, fact.acknowledgedAt),
              );
            }
            if (mayViewReadership(user.role)) {
              updateReadership(queryClient, (data) => applyAcknowledged(data, fact));
            }
            return;
          }
          default:
            return;
        }
      }),
    [queryClient, t, user.id, user.role, onPublished],
  );
}
