import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { teamLeadEndpoints } from '../../../../shared/protocol/team-lead-http';
import type {
  Escalation,
  EscalationList,
  MyAnnouncement,
} from '../../../../shared/schemas/team-lead';
import { apiRequest } from '../../../lib/api-client';
import { sendCommand } from '../../../lib/socket';

/** What the agent's team lead says to them: answers, announcements, status changes. */
export const leadMessageKeys = {
  all: ['lead-messages'] as const,
  escalations: () => [...leadMessageKeys.all, 'escalations'] as const,
  announcements: () => [...leadMessageKeys.all, 'announcements'] as const,
  statusChange: () => [...leadMessageKeys.all, 'status-change'] as const,
};

type AnnouncementList = { announcements: MyAnnouncement[] };

export function useMyEscalations() {
  return useQuery({
    queryKey: leadMessageKeys.escalations(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.myEscalations, { signal }),
  });
}

export function useMyAnnouncements() {
  return useQuery({
    queryKey: leadMessageKeys.announcements(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.myAnnouncements, { signal }),
  });
}

export function useMyStatusChange() {
  return useQuery({
    queryKey: leadMessageKeys.statusChange(),
    queryFn: ({ signal }) => apiRequest(teamLeadEndpoints.myStatusChange, { signal }),
  });
}

/** Keeps the newest version of the escalation in the agent's list. */
export function putEscalation(queryClient: QueryClient, escalation: Escalation): void {
  queryClient.setQueryData<EscalationList>(leadMessageKeys.escalations(), (data) => {
    if (!data) return data;
    const held = data.escalations.find((e) => e.id === escalation.id);
    if (held && held.version > escalation.version) return data;
    return {
      escalations: [escalation, ...data.escalations.filter((e) => e.id !== escalation.id)].sort(
        (a, b) => b.raisedAt - a.raisedAt,
      ),
    };
  });
}

export function putAnnouncement(queryClient: QueryClient, announcement: MyAnnouncement): void {
  queryClient.setQueryData<AnnouncementList>(leadMessageKeys.announcements(), (data) => {
    if (!data) return data;
    const held = data.announcements.find((a) => a.id === announcement.id);
    const merged = held
      ? { ...announcement, acknowledgedAt: held.acknowledgedAt ?? announcement.acknowledgedAt }
      : announcement;
    return {
      announcements: [merged, ...data.announcements.filter((a) => a.id !== announcement.id)].sort(
        (a, b) => b.publishedAt - a.publishedAt,
      ),
    };
  });
}

export function markAnnouncementRead(
  queryClient: QueryClient,
  announcementId: string,
  acknowledgedAt: number,
): void {
  queryClient.setQueryData<AnnouncementList>(leadMessageKeys.announcements(), (data) =>
    data
      ? {
          announcements: data.announcements.map((a) =>
            a.id === announcementId && a.acknowledgedAt === null ? { ...a, acknowledgedAt } : a,
          ),
        }
      : data,
  );
}

export function useRaiseEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: { commandId: string; text: string; contactId: string | null }) =>
      sendCommand('escalation:raise', payload),
    onSuccess: (escalation) => putEscalation(queryClient, escalation),
  });
}

export function useCloseMyEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (escalationId: string) =>
      sendCommand('escalation:close', { commandId: crypto.randomUUID(), escalationId }),
    onSuccess: (escalation) => putEscalation(queryClient, escalation),
  });
}

export function useAcknowledgeAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (announcementId: string) =>
      sendCommand('announcement:acknowledge', {
        commandId: crypto.randomUUID(),
        announcementId,
      }),
    onSuccess: (announcement) => putAnnouncement(queryClient, announcement),
  });
}
