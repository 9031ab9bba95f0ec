import type { TFunction } from 'i18next';
import type { LeadAlert } from '../../../shared/schemas/team-lead';
import { formatDuration, formatWhen } from '../../lib/format';

/** "Antrean Bansos · Digital melewati ambang" and the like. */
export function alertHeadline(alert: LeadAlert, t: TFunction, _language: string): string {
  switch (alert.kind) {
    case 'queue_over_threshold':
      return t('teamLead.alerts.queue_over_threshold', { subject: alert.subjectName });
    case 'agent_not_responding':
      return t('teamLead.alerts.agent_not_responding', { subject: alert.subjectName });
    case 'deadline_near_breach':
      return t('teamLead.alerts.deadline_near_breach', {
        reference: alert.detail.reference ?? '',
      });
  }
}

/** The figures behind the alert, as they were when it was raised. */
export function alertDetail(alert: LeadAlert, t: TFunction, language: string): string {
  switch (alert.kind) {
    case 'queue_over_threshold':
      return t('teamLead.alerts.queueDetail', {
        waiting: alert.detail.waiting ?? 0,
        wait: formatDuration(alert.detail.longestWaitMs ?? 0, t),
      });
    case 'agent_not_responding':
      return t('teamLead.alerts.agentDetail');
    case 'deadline_near_breach':
      return t('teamLead.alerts.deadlineDetail', {
        subject: alert.subjectName,
        when:
          alert.detail.dueAt === null || alert.detail.dueAt === undefined
            ? '—'
            : formatWhen(alert.detail.dueAt, language),
      });
  }
}
