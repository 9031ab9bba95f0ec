import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreEvaluation } from '../../../../shared/domain/evaluation-scoring';
import type { EvaluationFormBody } from '../../../../shared/schemas/evaluation';
import {
  answersFromMarks,
  EvaluationQuestionInput,
} from '../../../components/evaluation-question-input';

/**
 * Sample answers scored with the same rule the server scores evaluations with
 * (shared/domain/evaluation-scoring.ts): the trainer sees the percentage, the pass mark and what a
 * critical question below full marks does, before anyone is evaluated on the form.
 */
export function ScorePreview({ form }: { form: EvaluationFormBody }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const questions = form.sections.flatMap((section) => section.questions);
  const answers = answersFromMarks(questions, values);
  const scored = scoreEvaluation(form, answers);
  const textOf = (id: string) => questions.find((question) => question.id === id)?.text ?? id;
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="score-preview-title">
      <Group justify="space-between" mb={4} gap="xs">
        <Text fw={650} size="sm" id="score-preview-title" component="h3" m={0}>
          {t('evaluationForms.preview.title')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            setValues(Object.fromEntries(questions.map((q) => [q.id, String(q.scaleMax)])))
          }
          data-testid="preview-fill-full"
        >
          {t('evaluationForms.preview.fillFull')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('evaluationForms.preview.hint')}
      </Text>
      <Stack gap={6}>
        {form.sections.map((section) => (
          <div key={section.id}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {section.title}
            </Text>
            {section.questions.map((question) => (
              <Stack key={question.id} gap={2} py={2}>
                <Text size="sm">
                  {question.text}{' '}
                  {question.isCritical && (
                    <Badge size="xs" color="red" variant="outline">
                      {t('evaluationForms.criticalBadge')}
                    </Badge>
                  )}
                </Text>
                <EvaluationQuestionInput
                  question={question}
                  mark={values[question.id]}
                  onChange={(mark) => setValues({ ...values, [question.id]: mark })}
                  notApplicableLabel={t('evaluationForms.preview.notApplicable')}
                  ariaLabel={question.text}
                  testId={`preview-question-${question.id}`}
                />
              </Stack>
            ))}
          </div>
        ))}
      </Stack>
      <div aria-live="polite" data-testid="preview-result">
        {scored.ok ? (
          <Stack gap={2} mt="sm">
            <Group gap={6}>
              <Badge color={scored.score.isPassed ? 'teal' : 'red'} variant="light">
                {scored.score.isPassed
                  ? t('evaluationForms.preview.passed')
                  : t('evaluationForms.preview.notPassed')}
              </Badge>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('evaluationForms.preview.score', {
                  percent: scored.score.percent,
                  points: scored.score.points,
                  max: scored.score.maxPoints,
                })}
              </Text>
            </Group>
            {scored.score.failedCriticalIds.length > 0 && (
              <Text size="xs" c="red.8">
                {t('evaluationForms.preview.criticalFailed', {
                  questions: scored.score.failedCriticalIds.map(textOf).join('; '),
                })}
              </Text>
            )}
            {scored.score.percent < form.passPercent && (
              <Text size="xs" c="red.8">
                {t('evaluationForms.preview.belowPass', { pass: form.passPercent })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed" mt="sm">
            {t('evaluationForms.preview.answerAll')}
          </Text>
        )}
      </div>
    </Paper>
  );
}
