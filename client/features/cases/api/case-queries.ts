import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';

export type BoardScope = 'mine' | 'unit' | 'all';

export const caseKeys = {
  all: ['cases'] as const,
  board: (scope: BoardScope) => [...caseKeys.all, 'board', scope] as const,
  forContact: (contactId: string) => [...caseKeys.all, 'contact', contactId] as const,
  detail: (caseId: string) => [...caseKeys.all, 'detail', caseId] as const,
  units: () => [...caseKeys.all, 'units'] as const,
};

export function caseBoardQueryOptions(scope: BoardScope) {
  return queryOptions({
    queryKey: caseKeys.board(scope),
    queryFn: ({ signal }) =>
      apiRequest(
        { ...endpoints.caseBoard, path: `${endpoints.caseBoard.path}?scope=${scope}` },
        { signal },
      ),
  });
}

export function useCaseBoard(scope: BoardScope) {
  return useQuery(caseBoardQueryOptions(scope));
}

export function useContactCases(contactId: string) {
  return useQuery({
    queryKey: caseKeys.forContact(contactId),
    queryFn: ({ signal }) => apiRequest(endpoints.contactCases, { params: { contactId }, signal }),
  });
}

export function useCaseDetail(caseId: string | null) {
  return useQuery({
    queryKey: caseKeys.detail(caseId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.caseDetail, { params: { caseId: caseId ?? '' }, signal }),
    enabled: caseId !== null,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: caseKeys.units(),
    queryFn: ({ signal }) => apiRequest(endpoints.units, { signal }),
    staleTime: 5 * 60_000,
  });
}
