import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToFacts } from '../../../lib/socket';
import { policyKeys } from '../api/policy-queries';

/** Open reports refetch when shares or feedback for any policy come in (updated live). */
export function usePolicyFacts(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        if (event.name !== 'policy:activity') return;
        void queryClient.invalidateQueries({ queryKey: policyKeys.reports() });
      }),
    [queryClient],
  );
}
