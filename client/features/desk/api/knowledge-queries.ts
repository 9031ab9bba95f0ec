import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  search: (q: string) => [...knowledgeKeys.all, 'search', q] as const,
};

/**
 * Published answers for `q` (already debounced by the caller). The previous hits stay on screen
 * while the next ones load, so the list does not flicker as the agent types.
 */
export function useKnowledgeSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: knowledgeKeys.search(query),
    queryFn: ({ signal }) => apiRequest(endpoints.knowledgeSearch, { query: { q: query }, signal }),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
