import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';

/** Fewer letters match too much of the corpus to be worth a request. */
export const MIN_QUERY_LENGTH = 2;

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  search: (q: string) => [...knowledgeKeys.all, 'search', q] as const,
};

export function knowledgeSearchQueryOptions(q: string) {
  const query = q.trim();
  return queryOptions({
    queryKey: knowledgeKeys.search(query),
    queryFn: ({ signal }) => apiRequest(endpoints.knowledgeSearch, { query: { q: query }, signal }),
    enabled: query.length >= MIN_QUERY_LENGTH,
    // The answers change rarely; retyping a word should not ask again.
    staleTime: 30_000,
  });
}

/**
 * Published answers for `q` (already debounced by the caller). The previous hits stay on screen
 * while the next ones load, so the list does not flicker as the agent types.
 */
export function useKnowledgeSearch(q: string) {
  return useQuery({ ...knowledgeSearchQueryOptions(q), placeholderData: keepPreviousData });
}
