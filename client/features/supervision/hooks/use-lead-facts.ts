import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementReadershipList } from '../../../../shared/schemas/team-lead';
import { subscribeToFacts } from '../../../lib/socket';
import {
  applyAnnouncementAcknowledged,
  leadKeys,
  setAlert,
  setEscalation,
} from '../api/lead-queries';
import { alertHeadline } from '../lead-text';

/**
 * A short two-note chime for a new escalation: the lead may be looking at another screen. Browsers
 * refuse sound before any interaction; then only the visual notification shows.
 */
function chime(): void {
  try {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0.08;
    gain.connect(context.destination);
    [660, 880].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(context.currentTime + index * 0.18);
      oscillator.stop(context.currentTime + index * 0.18 + 0.15);
    });
    setTimeout(() => void context.close(), 1000);
  } catch {
    // No audio here (tests, locked-down browsers): the notification is enough.
  }
}

/**
 * Keeps the lead's alert, escalation and announcement lists current from pushed facts, and
 * announces what needs the lead now (a new escalation with a chime, a new alert) without moving
 * anything on the screen.
 */
export function useLeadFacts(): void {
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        switch (event.name) {
          case 'alert:changed': {
            const alert = event.fact;
            const isNew = !queryClient
              .getQueryData<{ alerts: { id: string }[] }>(leadKeys.alerts())
              ?.alerts.some((held) => held.id === alert.id);
            setAlert(queryClient, alert);
            if (isNew && alert.clearedAt === null) {
              notifications.show({
                color: 'orange',
                title: t('teamLead.alerts.newAlert'),
                message: alertHeadline(alert, t, i18n.language),
              });
            }
            return;
          }
          case 'escalation:changed': {
            const escalation = event.fact;
            setEscalation(queryClient, escalation);
            if (escalation.status === 'open' && escalation.version === 0) {
              chime();
              notifications.show({
                color: 'red',
                autoClose: 15_000,
                title: t('teamLead.escalations.newOne', { name: escalation.agentName }),
                message: escalation.text,
              });
            }
            return;
          }
          case 'announcement:published':
            void queryClient.invalidateQueries({ queryKey: leadKeys.announcements() });
            return;
          case 'announcement:acknowledged': {
            const fact = event.fact;
            queryClient.setQueryData<AnnouncementReadershipList>(
              leadKeys.announcements(),
              (data) => (data ? applyAnnouncementAcknowledged(data, fact) : data),
            );
            return;
          }
          default:
            return;
        }
      }),
    [queryClient, t, i18n.language],
  );
}
