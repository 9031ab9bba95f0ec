import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultEvaluatedAgent } from '../../../../shared/domain/conversation-handlers';
import { scoreEvaluation } from '../../../../shared/domain/evaluation-scoring';
import type {
  Evaluation,
  EvaluationForm,
  EvaluationScore,
} from '../../../../shared/schemas/evaluation';
import {
  answersFromMarks,
  EvaluationQuestionInput,
} from '../../../components/evaluation-question-input';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import {
  useConversationHandlers,
  useEvaluationForms,
  useHandledConversations,
  useEvaluations,
  useSubmitEvaluation,
} from '../api/coaching-queries';

/** The score in words and colour together. */
export function ScoreLine({ score }: { score: EvaluationScore }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge
        color={score.isPassed ? 'teal' : 'red'}
        variant="light"
        data-testid="evaluation-result"
      >
        {score.isPassed ? t('coaching.evaluation.passed') : t('coaching.evaluation.notPassed')}
      </Badge>
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('coaching.evaluation.score', {
          percent: score.percent,
          points: score.points,
          max: score.maxPoints,
        })}
      </Text>
      {score.failedCriticalIds.length > 0 && (
        <Text size="xs" c="red.8">
          {t('coaching.evaluation.failedCritical', {
            questions: score.failedCriticalIds.join(', '),
          })}
        </Text>
      )}
    </Group>
  );
}

/**
 * Whom the evaluation is of: one of the agents who held the conversation (a transfer or a
 * reassignment passes it on). The coach may pick only those they coach; the one they follow
 * comes first when they handled it.
 */
function EvaluatedAgentChoice({
  contactId,
  followedAgentId,
  value,
  onChange,
}: {
  contactId: string;
  followedAgentId: string;
  value: string | null;
  onChange: (agentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const handlers = useConversationHandlers(contactId);
  const list = handlers.data ?? [];
  const fallback = defaultEvaluatedAgent(list, followedAgentId);
  const chosen = list.some((h) => h.agentId === value && h.mayEvaluate) ? value : fallback;
  useEffect(() => {
    if (chosen !== value) onChange(chosen);
  }, [chosen, value, onChange]);
  if (handlers.isError) {
    return (
      <Text size="xs" c="red.8" role="alert">
        {t('coaching.evaluation.handlersFailed', { message: errorText(handlers.error, t) })}
      </Text>
    );
  }
  return (
    <NativeSelect
      size="xs"
      label={t('coaching.evaluation.evaluatedAgent')}
      description={t('coaching.evaluation.evaluatedAgentHint')}
      value={chosen ?? ''}
      disabled={handlers.isPending}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      data={list.map((handler) => ({
        value: handler.agentId,
        label: handler.isTrainee
          ? `${handler.name} (${t('coaching.evaluation.trainee')})`
          : handler.name,
        disabled: !handler.mayEvaluate,
      }))}
      data-testid="evaluation-agent"
    />
  );
}

function Scoring({
  form,
  contactId,
  followedAgentId,
  reference,
  onDone,
}: {
  form: EvaluationForm;
  contactId: string;
  followedAgentId: string;
  reference: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmitEvaluation();
  const [evaluatedAgentId, setEvaluatedAgentId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const answers = answersFromMarks(
    form.sections.flatMap((section) => section.questions),
    values,
  );
  const scored = scoreEvaluation(form, answers);
  return (
    <Stack gap="xs" data-testid="evaluation-scoring">
      <EvaluatedAgentChoice
        contactId={contactId}
        followedAgentId={followedAgentId}
        value={evaluatedAgentId}
        onChange={setEvaluatedAgentId}
      />
      {form.sections.map((section) => (
        <div key={section.id}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {section.title}
          </Text>
          {section.questions.map((question) => (
            <Group key={question.id} justify="space-between" wrap="nowrap" gap="xs" py={2}>
              <Text size="sm">
                {question.text}{' '}
                {question.isCritical && (
                  <Badge size="xs" color="red" variant="outline">
                    {t('coaching.evaluation.critical')}
                  </Badge>
                )}
              </Text>
              <EvaluationQuestionInput
                question={question}
                mark={values[question.id]}
                onChange={(mark) => setValues({ ...values, [question.id]: mark })}
                notApplicableLabel={t('coaching.evaluation.notApplicable')}
                testId={`evaluation-question-${question.id}`}
              />
            </Group>
          ))}
        </div>
      ))}
      {scored.ok ? (
        <ScoreLine score={scored.score} />
      ) : (
        <Text size="xs" c="dimmed">
          {t('coaching.evaluation.incomplete')}
        </Text>
      )}
      <Textarea
        size="xs"
        autosize
        minRows={2}
        maxLength={2000}
        label={t('coaching.evaluation.comment')}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        data-testid="evaluation-comment"
      />
      <Group justify="flex-end" gap="xs">
        <Button size="compact-sm" variant="subtle" color="gray" onClick={onDone}>
          {t('coaching.evaluation.cancel')}
        </Button>
        <Button
          size="compact-sm"
          disabled={!scored.ok || evaluatedAgentId === null}
          loading={submit.isPending}
          onClick={() => {
            if (evaluatedAgentId === null) return;
            submit.mutate(
              {
                formId: form.id,
                contactId,
                agentId: evaluatedAgentId,
                answers,
                comment: comment.trim(),
              },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: t('coaching.evaluation.saved', { reference }),
                  });
                  onDone();
                },
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    message: t('coaching.evaluation.failed', { message: errorText(error, t) }),
                  }),
              },
            );
          }}
          data-testid="evaluation-submit"
        >
          {t('coaching.evaluation.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function EvaluationRow({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="xs" radius="sm" data-testid="evaluation-row">
      <Text size="xs" c="dimmed">
        {t('coaching.evaluation.line', {
          form: evaluation.formTitle,
          reference: evaluation.reference,
          name: evaluation.evaluatorName,
        })}{' '}
        · {formatTime(evaluation.createdAt, i18n.language)}
      </Text>
      <ScoreLine score={evaluation.score} />
      <Text size="xs" c={evaluation.acknowledgedAt === null ? 'orange.9' : 'teal.8'}>
        {evaluation.acknowledgedAt === null
          ? t('coaching.evaluation.awaitingAcknowledgement')
          : `${t('coaching.evaluation.acknowledged')} ${formatTime(evaluation.acknowledgedAt, i18n.language)}`}
      </Text>
    </Paper>
  );
}

/**
 * Scoring one conversation of the followed agent (live, or afterwards: one they took lately, even
 * if it was moved on to someone else) on a form, with the score
 * computed as the trainer answers; below, the agent's earlier evaluations.
 */
export function EvaluationPanel({
  agentId,
  conversation,
}: {
  agentId: string;
  conversation: { contactId: string; reference: string } | null;
}) {
  const { t } = useTranslation();
  const forms = useEvaluationForms();
  const evaluations = useEvaluations(agentId);
  const handled = useHandledConversations(agentId);
  const [formId, setFormId] = useState<string | null>(null);
  const [chosenContactId, setChosenContactId] = useState<string | null>(null);
  const [isScoring, setScoring] = useState(false);
  // The one in front first; then those the agent took lately, passed on or closed since.
  const choices = [
    ...(conversation === null ? [] : [conversation]),
    ...(handled.data ?? []).filter((c) => c.contactId !== conversation?.contactId),
  ];
  const target = choices.find((c) => c.contactId === chosenContactId) ?? choices[0] ?? null;
  // An archived form keeps its evaluations but scores no new one.
  const list = (forms.data ?? []).filter((candidate) => !candidate.isArchived);
  const form = list.find((candidate) => candidate.id === formId) ?? list[0];
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="section"
      aria-label={t('coaching.evaluation.title')}
      data-testid="evaluation-panel"
    >
      <Group justify="space-between" mb={6}>
        <Text fw={650} size="sm">
          {t('coaching.evaluation.title')}
          {target !== null && ` · ${target.reference}`}
        </Text>
        {!isScoring && target !== null && form !== undefined && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setScoring(true)}
            data-testid="evaluation-start"
          >
            {t('coaching.evaluation.start')}
          </Button>
        )}
      </Group>
      {isScoring && target !== null && form !== undefined && (
        <Stack gap="xs">
          {choices.length > 1 && (
            <NativeSelect
              size="xs"
              label={t('coaching.evaluation.conversation')}
              value={target.contactId}
              onChange={(event) => setChosenContactId(event.currentTarget.value)}
              data={choices.map((choice) => ({ value: choice.contactId, label: choice.reference }))}
              data-testid="evaluation-conversation"
            />
          )}
          {list.length > 1 && (
            <NativeSelect
              size="xs"
              label={t('coaching.evaluation.form')}
              value={form.id}
              onChange={(event) => setFormId(event.currentTarget.value)}
              data={list.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
            />
          )}
          <Scoring
            key={`${form.id}-${target.contactId}`}
            form={form}
            contactId={target.contactId}
            followedAgentId={agentId}
            reference={target.reference}
            onDone={() => setScoring(false)}
          />
        </Stack>
      )}
      <Text size="xs" fw={600} c="dimmed" mt="xs" mb={4}>
        {t('coaching.evaluation.history')}
      </Text>
      {(evaluations.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coaching.evaluation.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {(evaluations.data ?? []).slice(0, 5).map((evaluation) => (
            <EvaluationRow key={evaluation.id} evaluation={evaluation} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
