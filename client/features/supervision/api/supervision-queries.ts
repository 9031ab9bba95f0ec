import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';
import { currentFactSeq, useLiveStore } from '../../../stores/live-store';

export const supervisionKeys = {
  all: ['supervision'] as const,
  board: () => [...supervisionKeys.all, 'board'] as const,
};

/** The lead's board read into the live store; facts keep it current from then on. */
export function boardQueryOptions() {
  return queryOptions({
    queryKey: supervisionKeys.board(),
    queryFn: async ({ signal }) => {
      const since = currentFactSeq();
      const board = await apiRequest(endpoints.supervisionBoard, { signal });
      useLiveStore.getState().hydrateBoard(board, since);
      return board;
    },
  });
}

export function useBoard() {
  return useQuery(boardQueryOptions());
}
