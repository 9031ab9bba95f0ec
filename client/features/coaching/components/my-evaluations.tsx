import { Button, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { useAcknowledgeEvaluation, useEvaluations } from '../api/coaching-queries';
import { ScoreLine } from './evaluation-panel';

/** On the agent's desk: evaluations of their conversations, unread first, to acknowledge. */
export function MyEvaluations() {
  const { t, i18n } = useTranslation();
  const evaluations = useEvaluations(null);
  const acknowledge = useAcknowledgeEvaluation();
  const list = [...(evaluations.data ?? [])].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.createdAt - a.createdAt,
  );
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="my-evaluations-title" data-testid="my-evaluations">
      <Text fw={650} size="sm" id="my-evaluations-title" component="h2" m={0} mb={6}>
        {t('coaching.evaluation.mine')}
      </Text>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {list.slice(0, 5).map((evaluation) => (
          <Paper
            key={evaluation.id}
            component="li"
            withBorder
            p="xs"
            radius="sm"
            data-testid="my-evaluation"
          >
            <Text size="xs" c="dimmed">
              {t('coaching.evaluation.line', {
                form: evaluation.formTitle,
                reference: evaluation.reference,
                name: evaluation.evaluatorName,
              })}
            </Text>
            <ScoreLine score={evaluation.score} />
            {evaluation.comment !== '' && (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {evaluation.comment}
              </Text>
            )}
            {evaluation.acknowledgedAt === null ? (
              <Button
                mt={4}
                size="compact-xs"
                variant="light"
                loading={
                  acknowledge.isPending && acknowledge.variables?.evaluationId === evaluation.id
                }
                onClick={() =>
                  acknowledge.mutate(
                    { evaluationId: evaluation.id },
                    {
                      onError: (error) =>
                        notifications.show({ color: 'red', message: errorText(error, t) }),
                    },
                  )
                }
                data-testid="evaluation-acknowledge"
              >
                {t('coaching.evaluation.acknowledge')}
              </Button>
            ) : (
              <Text size="xs" c="teal.8">
                ✓ {t('coaching.evaluation.acknowledged')}{' '}
                {formatTime(evaluation.acknowledgedAt, i18n.language)}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
