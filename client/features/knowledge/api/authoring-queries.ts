import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AnswerStatus } from '../../../../shared/domain/knowledge';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';

/** What the authoring list is filtered by; empty strings mean "any". */
export interface AnswerFilters {
  status: AnswerStatus | '';
  topic: string;
  unitId: string;
  q: string;
  page: number;
}

export const PAGE_SIZE = 25;

export const authoringKeys = {
  all: ['knowledge-authoring'] as const,
  lists: () => [...authoringKeys.all, 'list'] as const,
  list: (filters: AnswerFilters) => [...authoringKeys.lists(), filters] as const,
  answer: (answerId: string) => [...authoringKeys.all, 'answer', answerId] as const,
  units: () => [...authoringKeys.all, 'units'] as const,
};

function orUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function answerListQueryOptions(filters: AnswerFilters) {
  return queryOptions({
    queryKey: authoringKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.knowledgeList, {
        query: {
          status: orUndefined(filters.status),
          topic: orUndefined(filters.topic),
          unitId: orUndefined(filters.unitId),
          q: orUndefined(filters.q),
          limit: String(PAGE_SIZE),
          offset: String(filters.page * PAGE_SIZE),
        },
        signal,
      }),
  });
}

/** The list keeps showing the previous page while the next filters load: no flicker. */
export function useAnswerList(filters: AnswerFilters) {
  return useQuery({ ...answerListQueryOptions(filters), placeholderData: keepPreviousData });
}

export function answerQueryOptions(answerId: string) {
  return queryOptions({
    queryKey: authoringKeys.answer(answerId),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.knowledgeAnswer, { params: { id: answerId }, signal }),
  });
}

export function useAnswer(answerId: string | null) {
  return useQuery({ ...answerQueryOptions(answerId ?? ''), enabled: answerId !== null });
}

/** Owning units to choose from. */
export function useUnits() {
  return useQuery({
    queryKey: authoringKeys.units(),
    queryFn: ({ signal }) => apiRequest(endpoints.units, { signal }),
    staleTime: 5 * 60_000,
  });
}
