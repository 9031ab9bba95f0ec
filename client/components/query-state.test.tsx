import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { AppError } from '../lib/app-error';
import { renderWithProviders } from '../testing/render';
import { QueryState } from './query-state';

/** A list query whose answers the test decides, one call at a time. */
function Names({
  answers,
  failure,
}: {
  answers: Array<() => Promise<string[]>>;
  failure?: (message: string) => string;
}) {
  const query = useQuery({
    queryKey: ['names'],
    queryFn: () => answers.shift()!(),
  });
  return (
    <QueryState query={query} failure={failure}>
      {(names) => <p data-testid="names">{names.join(', ')}</p>}
    </QueryState>
  );
}

describe('QueryState', () => {
  it('shows a loader, then what the caller renders from the data', async () => {
    let answer!: (names: string[]) => void;
    renderWithProviders(
      <Names answers={[() => new Promise<string[]>((resolve) => (answer = resolve))]} />,
    );
    expect(screen.queryByLabelText(i18n.t('app.loading'))).not.toBeNull();
    answer(['Sari', 'Budi']);
    expect((await screen.findByTestId('names')).textContent).toBe('Sari, Budi');
    expect(screen.queryByLabelText(i18n.t('app.loading'))).toBeNull();
  });

  it('shows the failure in the caller’s words, and Retry asks again', async () => {
    renderWithProviders(
      <Names
        answers={[
          () => Promise.reject(new AppError('network', 'socket closed')),
          () => Promise.resolve(['Sari']),
        ]}
        failure={(message) => `List failed: ${message}`}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`List failed: ${i18n.t('errors.network')}`);
    await userEvent.click(screen.getByRole('button', { name: i18n.t('common.retry') }));
    expect((await screen.findByTestId('names')).textContent).toBe('Sari');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error text alone when the caller gives no wording', async () => {
    renderWithProviders(
      <Names answers={[() => Promise.reject(new AppError('forbidden', 'not yours'))]} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(i18n.t('errors.forbidden'));
  });
});
