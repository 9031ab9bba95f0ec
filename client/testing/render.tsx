/** Renders a component inside the app's providers, for component tests. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { AppProviders } from '../app/providers';
import { useOutboxSession } from '../app/use-outbox-session';
import { createQueryClient } from '../lib/query-client';
import { aUser } from './fixtures';

/** The signed-in user's outbox, as the app opens it (tests of screens that submit through it). */
function WithOutbox({ userId, children }: { userId: string; children: ReactNode }) {
  useOutboxSession(aUser({ id: userId }));
  return children;
}

export function renderWithProviders(
  ui: ReactElement,
  options: { outboxUserId?: string } = {},
): RenderResult & {
  queryClient: ReturnType<typeof createQueryClient>;
} {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity },
    mutations: { retry: false },
  });
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      {options.outboxUserId === undefined ? (
        ui
      ) : (
        <WithOutbox userId={options.outboxUserId}>{ui}</WithOutbox>
      )}
    </AppProviders>,
  );
  return { ...result, queryClient };
}
