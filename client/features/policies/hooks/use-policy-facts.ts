import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToFacts } from '../../../lib/socket';
import { policyKeys } from '../api/policy-queries';

/**
 * An open report refetches when shares or feedback for its policy come in (updated live); reports
 * of other policies are left alone.
 */
export function usePolicyFacts(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToFacts((event) => {
        if (event.name !== 'policy:activity') return;
        const changed = new Set(event.fact.policyIds);
        const prefix = policyKeys.reports();
        void queryClient.invalidateQueries({
          queryKey: prefix,
          predicate: (query) => changed.has(String(query.queryKey[prefix.length])),
        });
      }),
    [queryClient],
  );
}
