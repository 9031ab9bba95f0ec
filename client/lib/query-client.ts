import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isTransientError, toAppError } from './app-error';

/**
 * Server reads live in TanStack Query. Live changes come from socket facts, so there is no
 * polling and no refetch on focus; reads retry only when the failure may pass by itself.
 */
export function createQueryClient(onUnauthenticated: () => void = () => undefined): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (toAppError(error).code === 'unauthenticated') onUnauthenticated();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && isTransientError(error),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
