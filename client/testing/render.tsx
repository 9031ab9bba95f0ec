/** Renders a component inside the app's providers, for component tests. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../lib/query-client';

export function renderWithProviders(ui: ReactElement): RenderResult & {
  queryClient: ReturnType<typeof createQueryClient>;
} {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity },
    mutations: { retry: false },
  });
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      {ui}
    </AppProviders>,
  );
  return { ...result, queryClient };
}
