import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { withAcknowledgement } from '../../../../shared/domain/publications';
import type { CommandPayload } from '../../../../shared/protocol/events';
import { teamLeadEndpoints } from '../../../../shared/protocol/team-lead-http';
import type {
  Announcement,
  AnnouncementReadershipList,
  Escalation,
  EscalationList,
  LeadAlert,
  LeadAlertList,
  QueueAlertThresholdBody,
} from '../../../../shared/schemas/team-lead';
import { apiRequest } from '../../../lib/api-client';
import { sendCommand } from '../../../lib/socket';
import { supervisionKeys } from './supervision-queries';

export const leadKeys = {
  all: [...supervisionKeys.all, 'lead'] as const,
  overview: () => [...leadKeys.all, 'overview'] as const,
  alerts: () => [...leadKeys.all, 'alerts'] as const,
  escalations: () => [...leadKeys.all, 'escalations'] as const,
  announcements: () => [...leadKeys.all, 'announcements'] as const,
};

export function leadOverviewQueryOptions() {
  return queryOptions({
    queryKey: leadKeys.overview(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.leadOverview, { signal }),
    // Follow-ups near breach move slowly (the case scan); a glance every half minute.
    refetchInterval: 30_000,
  });
}

export function useLeadOverview() {
  return useQuery(leadOverviewQueryOptions());
}

export function useLeadAlerts() {
  return useQuery({
    queryKey: leadKeys.alerts(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.leadAlerts, { signal }),
  });
}

export function useLeadEscalations() {
  return useQuery({
    queryKey: leadKeys.escalations(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.leadEscalations, { signal }),
  });
}

export function useLeadAnnouncements() {
  return useQuery({
    queryKey: leadKeys.announcements(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.leadAnnouncements, { signal }),
  });
}

/** Puts the alert in the list, replacing an older copy (acknowledged or cleared wins). */
export function mergeAlert(list: LeadAlertList, alert: LeadAlert): LeadAlertList {
  const others = list.alerts.filter((held) => held.id !== alert.id);
  const held = list.alerts.find((a) => a.id === alert.id);
  const merged: LeadAlert = held
    ? {
        ...alert,
        acknowledgedAt: alert.acknowledgedAt ?? held.acknowledgedAt,
        acknowledgedByName: alert.acknowledgedByName ?? held.acknowledgedByName,
        clearedAt: alert.clearedAt ?? held.clearedAt,
      }
    : alert;
  return {
    alerts: [merged, ...others].sort((a, b) => b.raisedAt - a.raisedAt || a.id.localeCompare(b.id)),
  };
}

/** Puts the escalation in the list unless the held copy is newer. */
export function mergeEscalation(list: EscalationList, escalation: Escalation): EscalationList {
  const held = list.escalations.find((e) => e.id === escalation.id);
  if (held && held.version > escalation.version) return list;
  const others = list.escalations.filter((e) => e.id !== escalation.id);
  return { escalations: [escalation, ...others].sort((a, b) => b.raisedAt - a.raisedAt) };
}

export function applyAnnouncementAcknowledged(
  list: AnnouncementReadershipList,
  fact: { announcementId: string; agentId: string; acknowledgedAt: number },
): AnnouncementReadershipList {
  return {
    announcements: list.announcements.map((announcement) =>
      announcement.id === fact.announcementId
        ? {
            ...announcement,
            readers: withAcknowledgement(announcement.readers, fact.agentId, fact.acknowledgedAt),
          }
        : announcement,
    ),
  };
}

export function setAlert(queryClient: QueryClient, alert: LeadAlert): void {
  queryClient.setQueryData<LeadAlertList>(leadKeys.alerts(), (data) =>
    data ? mergeAlert(data, alert) : data,
  );
}

export function setEscalation(queryClient: QueryClient, escalation: Escalation): void {
  queryClient.setQueryData<EscalationList>(leadKeys.escalations(), (data) =>
    data ? mergeEscalation(data, escalation) : data,
  );
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) =>
      sendCommand('alert:acknowledge', { commandId: crypto.randomUUID(), alertId }),
    onSuccess: (alert) => setAlert(queryClient, alert),
  });
}

/** Answer, join or close; each call carries its own command id. */
export function useEscalationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'answer'; escalationId: string; text: string }
        | { kind: 'join'; escalationId: string }
        | { kind: 'close'; escalationId: string },
    ) => {
      const commandId = crypto.randomUUID();
      switch (action.kind) {
        case 'answer':
          return sendCommand('escalation:answer', {
            commandId,
            escalationId: action.escalationId,
            text: action.text,
          });
        case 'join':
          return sendCommand('escalation:join', { commandId, escalationId: action.escalationId });
        case 'close':
          return sendCommand('escalation:close', { commandId, escalationId: action.escalationId });
      }
    },
    onSuccess: (escalation) => setEscalation(queryClient, escalation),
  });
}

export function usePublishAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: CommandPayload<'announcement:publish'>) =>
      sendCommand('announcement:publish', payload),
    onSuccess: (_announcement: Announcement) =>
      queryClient.invalidateQueries({ queryKey: leadKeys.announcements() }),
  });
}

export function useForceStatus() {
  return useMutation({
    mutationFn: (payload: CommandPayload<'agent:force-status'>) =>
      sendCommand('agent:force-status', payload),
  });
}

export function useReplaceThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ queueId, body }: { queueId: string; body: QueueAlertThresholdBody }) =>
      apiRequest(teamLeadEndpoints.replaceQueueAlertThreshold, {
        params: { id: queueId },
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.overview() }),
  });
}
