import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { withAcknowledgement } from '../../../../shared/domain/publications';
import { endpoints } from '../../../../shared/protocol/http';
import type {
  MyNotice,
  MyNotices,
  NoticeAcknowledged,
  PublicationNotice,
  ReadershipList,
} from '../../../../shared/schemas/publication';
import { apiRequest } from '../../../lib/api-client';

export const noticeKeys = {
  all: ['notices'] as const,
  mine: () => [...noticeKeys.all, 'mine'] as const,
  readership: () => [...noticeKeys.all, 'readership'] as const,
  answer: (answerId: string) => [...noticeKeys.all, 'answer', answerId] as const,
};

export function myNoticesQueryOptions() {
  return queryOptions({
    queryKey: noticeKeys.mine(),
    queryFn: ({ signal }) => apiRequest(endpoints.myNotices, { signal }),
  });
}

/** The agent's desk notices; kept current by `useNoticeFacts`. */
export function useMyNotices() {
  return useQuery(myNoticesQueryOptions());
}

export function readershipQueryOptions() {
  return queryOptions({
    queryKey: noticeKeys.readership(),
    queryFn: ({ signal }) => apiRequest(endpoints.noticeReadership, { signal }),
  });
}

export function useReadership() {
  return useQuery(readershipQueryOptions());
}

/** The published answer a notice names, to read it in the drawer. */
export function useNoticeAnswer(answerId: string | null) {
  return useQuery({
    queryKey: noticeKeys.answer(answerId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.knowledgeAnswer, { params: { id: answerId ?? '' }, signal }),
    enabled: answerId !== null,
  });
}

/** A notice put into the agent's list: a newer revision replaces an older one, never the reverse. */
export function mergeMyNotice(data: MyNotices, notice: PublicationNotice): MyNotices {
  const existing = data.notices.find((n) => n.id === notice.id);
  if (existing === undefined) {
    const added: MyNotice = { ...notice, acknowledgedAt: null };
    return {
      notices: [added, ...data.notices].sort((a, b) => b.publishedAt - a.publishedAt),
    };
  }
  if (existing.revision >= notice.revision) return data;
  return {
    notices: data.notices.map((n) =>
      n.id === notice.id ? { ...notice, acknowledgedAt: n.acknowledgedAt } : n,
    ),
  };
}

export function markAcknowledged(data: MyNotices, noticeId: string, at: number): MyNotices {
  return {
    notices: data.notices.map((n) =>
      n.id === noticeId && n.acknowledgedAt === null ? { ...n, acknowledgedAt: at } : n,
    ),
  };
}

/** A must-read mark or revision change in the leads' view (their readers stay as they are). */
export function mergeReadershipNotice(
  data: ReadershipList,
  notice: PublicationNotice,
): ReadershipList {
  return {
    notices: data.notices.map((n) =>
      n.id === notice.id && n.revision < notice.revision ? { ...n, ...notice } : n,
    ),
  };
}

export function applyAcknowledged(data: ReadershipList, fact: NoticeAcknowledged): ReadershipList {
  return {
    notices: data.notices.map((n) =>
      n.id === fact.noticeId
        ? { ...n, readers: withAcknowledgement(n.readers, fact.agentId, fact.acknowledgedAt) }
        : n,
    ),
  };
}

export function updateMine(queryClient: QueryClient, update: (data: MyNotices) => MyNotices): void {
  queryClient.setQueryData<MyNotices>(noticeKeys.mine(), (data) =>
    data === undefined ? data : update(data),
  );
}

export function updateReadership(
  queryClient: QueryClient,
  update: (data: ReadershipList) => ReadershipList,
): void {
  queryClient.setQueryData<ReadershipList>(noticeKeys.readership(), (data) =>
    data === undefined ? data : update(data),
  );
}

/** "I have read it": committed before the banner goes; repeating it is harmless. */
export function useAcknowledgeNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noticeId: string) =>
      apiRequest(endpoints.acknowledgeNotice, { params: { id: noticeId } }),
    onSuccess: (notice) =>
      updateMine(queryClient, (data) =>
        markAcknowledged(data, notice.id, notice.acknowledgedAt ?? Date.now()),
      ),
  });
}

/** Administrators: mark a change must-read, or take the mark off. */
export function useMarkMustRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, mustRead }: { noticeId: string; mustRead: boolean }) =>
      apiRequest(endpoints.markNoticeMustRead, { params: { id: noticeId }, body: { mustRead } }),
    onSuccess: (notice) =>
      updateReadership(queryClient, (data) => mergeReadershipNotice(data, notice)),
  });
}
