import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { LoginBody, User } from '../../../../shared/schemas/user';
import { apiRequest } from '../../../lib/api-client';
import { toAppError } from '../../../lib/app-error';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        const { user } = await apiRequest(endpoints.me, { signal });
        return user;
      } catch (error) {
        if (toAppError(error).code === 'unauthenticated') return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest(endpoints.login, { body }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}

/**
 * Ends the session. Whatever the server answers, the client forgets the user and every cached
 * read, so the next person at this desk starts clean.
 */
export function useLogout(onSignedOut: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiRequest(endpoints.logout);
      } catch {
        // The session may already be gone; signing out locally is what matters.
      }
    },
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), null);
      onSignedOut();
    },
  });
}
