import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallbackRequest } from '../../../../shared/schemas/business-hours';
import { errorText } from '../../../lib/error-text';
import { formatWhen } from '../../../lib/format';
import { useLabels } from '../../../lib/reference-data';
import { useCallbacks, useCompleteCallback } from '../api/hours-queries';

function CallbackItem({ callback }: { callback: CallbackRequest }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const complete = useCompleteCallback();
  return (
    <Stack gap={2} data-testid={`callback-${callback.id}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} truncate="end">
          {callback.citizenName}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          loading={complete.isPending}
          aria-label={t('callbacks.markDoneLabel', { reference: callback.reference })}
          onClick={() => complete.mutate(callback.id)}
        >
          {t('callbacks.markDone')}
        </Button>
      </Group>
      <Text size="xs" ff="monospace">
        {callback.address}
      </Text>
      <Text size="xs" c="dimmed">
        {callback.reference} · {t(`channel.${callback.channel}`)} · {labels.queue(callback.queueId)}
      </Text>
      <Text size="xs">
        {callback.dueAt === null
          ? t('callbacks.noDue')
          : t('callbacks.due', { when: formatWhen(callback.dueAt, i18n.language) })}
      </Text>
      {complete.isError && (
        <Text size="xs" c="red" role="alert">
          {t('callbacks.doneFailed', { message: errorText(complete.error, t) })}
        </Text>
      )}
    </Stack>
  );
}

/** Citizens who reached a closed queue and asked to be called back, the longest due first. */
export function CallbackList() {
  const { t } = useTranslation();
  const { data, isPending, isError, error } = useCallbacks();
  return (
    <section aria-labelledby="callbacks-title">
      <Text fw={650} size="sm" id="callbacks-title" component="h2" m={0} mb={6}>
        {t('callbacks.title')}
        {data !== undefined && data.callbacks.length > 0 ? ` (${data.callbacks.length})` : ''}
      </Text>
      {isError ? (
        <Alert color="red" p="xs">
          {errorText(error, t)}
        </Alert>
      ) : isPending ? (
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      ) : data.callbacks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('callbacks.empty')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="callback-list">
          {data.callbacks.map((callback) => (
            <CallbackItem key={callback.id} callback={callback} />
          ))}
        </Stack>
      )}
    </section>
  );
}
