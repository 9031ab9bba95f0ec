import { Alert, Button, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/error-text';

/**
 * A side list waiting on one query: a loader while it loads, the failure with a retry if it
 * failed, else what the caller renders from the data.
 */
export function QueryState<Data>({
  query,
  failure = (message) => message,
  children,
}: {
  query: UseQueryResult<Data>;
  /** The failure line, given the error's text; the text alone if not given. */
  failure?: (message: string) => string;
  children: (data: Data) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center mih={120}>
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {failure(errorText(query.error, t))}
        <div>
          <Button mt="sm" size="xs" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
