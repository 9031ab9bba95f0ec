/**
 * Reference data (queues, topics, wrap-up codes, staff): read once per session and turned into
 * words in the UI language.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/protocol/http';
import type { ReferenceData } from '../../shared/schemas/reference-data';
import { apiRequest } from './api-client';

export const sharedKeys = {
  all: ['shared'] as const,
  reference: () => [...sharedKeys.all, 'reference'] as const,
  queueState: () => [...sharedKeys.all, 'queue-state'] as const,
};

export function referenceDataQueryOptions() {
  return queryOptions({
    queryKey: sharedKeys.reference(),
    queryFn: ({ signal }) => apiRequest(endpoints.referenceData, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useReferenceData() {
  return useQuery(referenceDataQueryOptions());
}

export interface Labels {
  topic: (code: string) => string;
  wrapup: (code: string) => string;
  queue: (queueId: string) => string;
  staffName: (id: string) => string;
}

/** Label lookups that fall back to the raw code while reference data loads or lacks an entry. */
export function useLabels(): Labels {
  const { data } = useReferenceData();
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  const maps = useMemo(() => buildMaps(data), [data]);
  const topic = useCallback(
    (code: string) => {
      const entry = maps.topics.get(code);
      return entry === undefined ? code : isEnglish ? entry.labelEn : entry.labelId;
    },
    [maps, isEnglish],
  );
  const wrapup = useCallback(
    (code: string) => {
      const entry = maps.wrapups.get(code);
      return entry === undefined ? code : isEnglish ? entry.labelEn : entry.labelId;
    },
    [maps, isEnglish],
  );
  const queue = useCallback((queueId: string) => maps.queues.get(queueId) ?? queueId, [maps]);
  const staffName = useCallback((id: string) => maps.staff.get(id) ?? id, [maps]);
  return useMemo(() => ({ topic, wrapup, queue, staffName }), [topic, wrapup, queue, staffName]);
}

function buildMaps(data: ReferenceData | undefined) {
  return {
    topics: new Map((data?.topics ?? []).map((topic) => [topic.code, topic])),
    wrapups: new Map((data?.wrapupCodes ?? []).map((code) => [code.code, code])),
    queues: new Map((data?.queues ?? []).map((queue) => [queue.id, queue.name])),
    staff: new Map((data?.staff ?? []).map((member) => [member.id, member.displayName])),
  };
}
