import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideFormSave,
  moveItem,
  sameForm,
} from '../../../../shared/domain/evaluation-form-versions';
import {
  EvaluationFormBodySchema,
  type EvaluationForm,
  type EvaluationFormBody,
  type EvaluationQuestion,
  type EvaluationSection,
} from '../../../../shared/schemas/evaluation';
import { errorText } from '../../../lib/error-text';
import { useArchiveEvaluationForm, useSaveEvaluationForm } from '../api/evaluation-form-queries';
import { formProblems, type FormProblem } from './form-problems';
import { ScorePreview } from './score-preview';

/** A short id for a new section or question; unique within the form. */
function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = taken.size + 1; ; n += 1) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

function questionIds(body: EvaluationFormBody): Set<string> {
  return new Set(body.sections.flatMap((section) => section.questions.map((q) => q.id)));
}

function newQuestion(id: string): EvaluationQuestion {
  return {
    id,
    text: '',
    weight: 10,
    scaleMax: 1,
    isCritical: false,
    allowsNotApplicable: false,
  };
}

export function emptyFormBody(): EvaluationFormBody {
  return {
    title: '',
    passPercent: 75,
    sections: [{ id: 's1', title: '', questions: [newQuestion('q1')] }],
  };
}

const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

function fieldError(problems: readonly FormProblem[], path: string): string | undefined {
  const found = problems.filter((problem) => problem.path === path);
  return found.length === 0 ? undefined : found.map((problem) => problem.message).join('; ');
}

function MoveButtons({
  name,
  index,
  count,
  disabled,
  onMove,
  onRemove,
  testId,
}: {
  name: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (disabled) return null;
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        size="sm"
        disabled={index === 0}
        aria-label={t('evaluationForms.moveUp', { name })}
        onClick={() => onMove(index - 1)}
        data-testid={`${testId}-up`}
      >
        <IconArrowUp size={14} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        size="sm"
        disabled={index === count - 1}
        aria-label={t('evaluationForms.moveDown', { name })}
        onClick={() => onMove(index + 1)}
        data-testid={`${testId}-down`}
      >
        <IconArrowDown size={14} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        size="sm"
        disabled={count === 1}
        aria-label={t('evaluationForms.remove', { name })}
        onClick={onRemove}
        data-testid={`${testId}-remove`}
      >
        <IconTrash size={14} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

function QuestionFields({
  question,
  path,
  number,
  problems,
  readOnly,
  onChange,
}: {
  question: EvaluationQuestion;
  path: string;
  number: number;
  problems: readonly FormProblem[];
  readOnly: boolean;
  onChange: (question: EvaluationQuestion) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        label={`${t('evaluationForms.question', { number })}`}
        value={question.text}
        readOnly={readOnly}
        maxLength={300}
        error={fieldError(problems, `${path}.text`)}
        onChange={(event) => onChange({ ...question, text: event.currentTarget.value })}
        data-testid="question-text"
      />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NumberInput
          size="xs"
          w={110}
          label={t('evaluationForms.weight')}
          description={t('evaluationForms.weightHint')}
          value={question.weight}
          readOnly={readOnly}
          allowDecimal={false}
          error={fieldError(problems, `${path}.weight`)}
          onChange={(value) => onChange({ ...question, weight: asNumber(value) })}
          data-testid="question-weight"
        />
        <NumberInput
          size="xs"
          w={110}
          label={t('evaluationForms.scaleMax')}
          description={t('evaluationForms.scaleHint')}
          value={question.scaleMax}
          readOnly={readOnly}
          allowDecimal={false}
          error={fieldError(problems, `${path}.scaleMax`)}
          onChange={(value) => onChange({ ...question, scaleMax: asNumber(value) })}
          data-testid="question-scale"
        />
        <Stack gap={4} pt={4}>
          <Checkbox
            size="xs"
            label={t('evaluationForms.critical')}
            checked={question.isCritical}
            disabled={readOnly}
            onChange={(event) => onChange({ ...question, isCritical: event.currentTarget.checked })}
            data-testid="question-critical"
          />
          <Checkbox
            size="xs"
            label={t('evaluationForms.allowsNotApplicable')}
            checked={question.allowsNotApplicable}
            disabled={readOnly}
            onChange={(event) =>
              onChange({ ...question, allowsNotApplicable: event.currentTarget.checked })
            }
            data-testid="question-na"
          />
        </Stack>
      </Group>
    </Stack>
  );
}

function SectionCard({
  section,
  index,
  count,
  problems,
  readOnly,
  takenIds,
  onChange,
  onMove,
  onRemove,
}: {
  section: EvaluationSection;
  index: number;
  count: number;
  problems: readonly FormProblem[];
  readOnly: boolean;
  takenIds: ReadonlySet<string>;
  onChange: (section: EvaluationSection) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const path = `sections.${index}`;
  const name = t('evaluationForms.section', { number: index + 1 });
  const setQuestions = (questions: EvaluationQuestion[]) => onChange({ ...section, questions });
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="form-section">
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs" mb="xs">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={`${name} · ${t('evaluationForms.sectionTitle')}`}
          value={section.title}
          readOnly={readOnly}
          maxLength={200}
          error={fieldError(problems, `${path}.title`)}
          onChange={(event) => onChange({ ...section, title: event.currentTarget.value })}
          data-testid="section-title"
        />
        <MoveButtons
          name={name}
          index={index}
          count={count}
          disabled={readOnly}
          onMove={onMove}
          onRemove={onRemove}
          testId="section"
        />
      </Group>
      {fieldError(problems, `${path}.questions`) && (
        <Text size="xs" c="red.8">
          {fieldError(problems, `${path}.questions`)}
        </Text>
      )}
      <Stack gap="sm" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
        {section.questions.map((question, q) => (
          <Group
            key={question.id}
            align="flex-start"
            wrap="nowrap"
            gap="xs"
            data-testid="form-question"
          >
            <Box style={{ flex: 1, minWidth: 0 }}>
              <QuestionFields
                question={question}
                path={`${path}.questions.${q}`}
                number={q + 1}
                problems={problems}
                readOnly={readOnly}
                onChange={(changed) =>
                  setQuestions(section.questions.map((held, i) => (i === q ? changed : held)))
                }
              />
            </Box>
            <Box pt={22}>
              <MoveButtons
                name={t('evaluationForms.question', { number: q + 1 })}
                index={q}
                count={section.questions.length}
                disabled={readOnly}
                onMove={(to) => setQuestions(moveItem(section.questions, q, to))}
                onRemove={() => setQuestions(section.questions.filter((_, i) => i !== q))}
                testId="question"
              />
            </Box>
          </Group>
        ))}
        {!readOnly && (
          <div>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={12} aria-hidden />}
              onClick={() =>
                setQuestions([...section.questions, newQuestion(freshId('q', takenIds))])
              }
              data-testid="question-add"
            >
              {t('evaluationForms.addQuestion')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * One form: title, pass mark, sections and their weighted (possibly critical) questions, checked
 * as they are typed with the schema the server uses, beside a score preview. Saving a form an
 * evaluation used makes a new version; the editor says so before the trainer saves.
 */
export function FormEditor({
  form,
  canEdit,
  onSaved,
}: {
  /** null: a new form. */
  form: EvaluationForm | null;
  canEdit: boolean;
  onSaved: (formId: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEvaluationForm();
  const archive = useArchiveEvaluationForm();
  const [id, setId] = useState(form?.id ?? '');
  const [body, setBody] = useState<EvaluationFormBody>(() =>
    form
      ? { title: form.title, passPercent: form.passPercent, sections: form.sections }
      : emptyFormBody(),
  );
  const isNew = form === null;
  const readOnly = !canEdit;
  const problems = formProblems({ id, isNew, body }, t);
  const parsed = EvaluationFormBodySchema.safeParse(body);
  const original = form && {
    title: form.title,
    passPercent: form.passPercent,
    sections: form.sections,
  };
  const isChanged = original === null || !sameForm(original, body);
  const decision =
    form && original
      ? decideFormSave(
          { version: form.version, body: original, evaluations: form.currentVersionEvaluations },
          body,
        )
      : null;
  const takenIds = questionIds(body);
  const setSections = (sections: EvaluationSection[]) => setBody({ ...body, sections });

  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 340px)',
        gap: 'var(--mantine-spacing-md)',
        alignItems: 'start',
      }}
      data-testid="form-editor"
    >
      <Stack gap="sm" component="form" onSubmit={(event) => event.preventDefault()}>
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h4">
            {isNew ? t('evaluationForms.newForm') : form.title}
          </Title>
          {form && (
            <Group gap={6}>
              <Badge variant="light" color="gray">
                {t('evaluationForms.version', { version: form.version })}
              </Badge>
              {form.isArchived && (
                <Badge variant="light" color="orange">
                  {t('evaluationForms.archived')}
                </Badge>
              )}
            </Group>
          )}
        </Group>
        {form && (
          <Text size="xs" c="dimmed">
            {t('evaluationForms.usedBy', { count: form.currentVersionEvaluations })}
          </Text>
        )}
        {readOnly && (
          <Alert color="gray" variant="light" p="xs">
            {t('evaluationForms.readOnly')}
          </Alert>
        )}
        {form?.isArchived && (
          <Alert color="orange" variant="light" p="xs">
            {t('evaluationForms.archivedNote')}
          </Alert>
        )}
        {isNew && (
          <TextInput
            size="xs"
            label={t('evaluationForms.formId')}
            description={t('evaluationForms.formIdHint')}
            value={id}
            maxLength={64}
            error={fieldError(problems, 'id')}
            onChange={(event) => setId(event.currentTarget.value)}
            data-testid="form-id"
          />
        )}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            size="xs"
            style={{ flex: 1, minWidth: 220 }}
            label={t('evaluationForms.title')}
            value={body.title}
            readOnly={readOnly}
            maxLength={200}
            error={fieldError(problems, 'title')}
            onChange={(event) => setBody({ ...body, title: event.currentTarget.value })}
            data-testid="form-title"
          />
          <NumberInput
            size="xs"
            w={130}
            label={t('evaluationForms.passPercent')}
            value={body.passPercent}
            readOnly={readOnly}
            allowDecimal={false}
            error={fieldError(problems, 'passPercent')}
            onChange={(value) => setBody({ ...body, passPercent: asNumber(value) })}
            data-testid="form-pass"
          />
        </Group>
        {body.sections.map((section, s) => (
          <SectionCard
            key={section.id}
            section={section}
            index={s}
            count={body.sections.length}
            problems={problems}
            readOnly={readOnly}
            takenIds={takenIds}
            onChange={(changed) =>
              setSections(body.sections.map((held, i) => (i === s ? changed : held)))
            }
            onMove={(to) => setSections(moveItem(body.sections, s, to))}
            onRemove={() => setSections(body.sections.filter((_, i) => i !== s))}
          />
        ))}
        {!readOnly && (
          <div>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                setSections([
                  ...body.sections,
                  {
                    id: freshId('s', new Set(body.sections.map((held) => held.id))),
                    title: '',
                    questions: [newQuestion(freshId('q', takenIds))],
                  },
                ])
              }
              data-testid="section-add"
            >
              {t('evaluationForms.addSection')}
            </Button>
          </div>
        )}
        {!readOnly && problems.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title={t('evaluationForms.problemsTitle')}
            data-testid="form-problems"
          >
            <List size="xs">
              {problems.map((problem, i) => (
                <List.Item key={`${problem.path}-${i}`}>
                  {problem.field}: {problem.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!readOnly && decision && isChanged && problems.length === 0 && (
          <Text
            size="xs"
            c={decision.kind === 'new-version' ? 'orange.9' : 'dimmed'}
            data-testid="version-note"
          >
            {decision.kind === 'new-version'
              ? t('evaluationForms.newVersionNote', {
                  version: form?.version,
                  count: form?.currentVersionEvaluations,
                  next: decision.version,
                })
              : t('evaluationForms.sameVersionNote', { version: form?.version })}
          </Text>
        )}
        {!readOnly && (
          <Group justify="space-between">
            {form ? (
              <Button
                size="compact-sm"
                variant="subtle"
                color={form.isArchived ? 'teal' : 'orange'}
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { id: form.id, isArchived: !form.isArchived },
                    {
                      onError: (error) =>
                        notifications.show({
                          color: 'red',
                          message: t('evaluationForms.archiveFailed', {
                            message: errorText(error, t),
                          }),
                        }),
                    },
                  )
                }
                data-testid="form-archive"
              >
                {form.isArchived ? t('evaluationForms.restore') : t('evaluationForms.archive')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              {!isChanged && (
                <Text size="xs" c="dimmed">
                  {t('evaluationForms.noChange')}
                </Text>
              )}
              <Button
                size="compact-sm"
                disabled={problems.length > 0 || !parsed.success || !isChanged}
                loading={save.isPending}
                onClick={() => {
                  if (!parsed.success) return;
                  save.mutate(
                    { id, body: parsed.data },
                    {
                      onSuccess: (saved) => {
                        notifications.show({
                          color: 'teal',
                          message: t('evaluationForms.saved', {
                            title: saved.title,
                            version: saved.version,
                          }),
                        });
                        setBody({
                          title: saved.title,
                          passPercent: saved.passPercent,
                          sections: saved.sections,
                        });
                        onSaved(saved.id);
                      },
                      onError: (error) =>
                        notifications.show({
                          color: 'red',
                          message: t('evaluationForms.saveFailed', {
                            message: errorText(error, t),
                          }),
                        }),
                    },
                  );
                }}
                data-testid="form-save"
              >
                {t('evaluationForms.save')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
      <Box style={{ position: 'sticky', top: 0 }}>
        {parsed.success ? (
          <ScorePreview form={parsed.data} />
        ) : (
          <Paper withBorder p="sm" radius="sm">
            <Text fw={650} size="sm">
              {t('evaluationForms.preview.title')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('evaluationForms.preview.fixFirst')}
            </Text>
          </Paper>
        )}
      </Box>
    </Box>
  );
}
