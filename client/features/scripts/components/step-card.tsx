import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SCRIPT_VARIABLES,
  type ScriptDefinition,
  type ScriptStepDef,
} from '../../../../shared/domain/guided-script';
import type { SegmentCode } from '../../../../shared/schemas/common';
import {
  addOption,
  moveStep,
  removeOption,
  removeStep,
  setAsksCitizen,
  setPlainText,
  updateOption,
  updateStep,
} from '../script-draft';

/** The end of the script, as a `<select>` value (null is not one). */
const END = '';

/** A step's problems: those beside a field (by its path inside the step), and the rest. */
export interface StepIssues {
  fields: Readonly<Record<string, string>>;
  general: readonly string[];
}

export interface StepTarget {
  value: string;
  label: string;
}

type DefinitionUpdate = (definition: ScriptDefinition) => ScriptDefinition;

/**
 * One step of a draft: its words (and plainer words per segment), whether it is required, and
 * where it leads: on by itself, or by the citizen's answer. Problems found in its fields show
 * beside them; the rest of the step's problems show under its header.
 */
function StepCardView({
  step,
  index,
  stepCount,
  isStart,
  targets,
  segments,
  issues,
  onChange,
}: {
  step: ScriptStepDef;
  index: number;
  stepCount: number;
  isStart: boolean;
  /** Every step (numbered and titled) a link may lead to; this one is left out here. */
  targets: readonly StepTarget[];
  segments: readonly SegmentCode[];
  issues: StepIssues;
  onChange: (update: DefinitionUpdate) => void;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const asks = step.options !== undefined;
  const plainSegments = segments.filter((s) => step.plainText?.[s] !== undefined);
  const otherSegments = segments.filter((s) => step.plainText?.[s] === undefined);
  const linkTargets = [
    { value: END, label: t('scripts.step.end') },
    ...targets.filter((target) => target.value !== step.id),
  ];
  const id = step.id;
  const change = onChange;
  const error = (field: string) => issues.fields[field];
  const stepProblems = issues.general;

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      component="section"
      aria-label={t('scripts.step.label', { number })}
      data-testid="step-card"
      data-step-id={step.id}
      style={stepProblems.length > 0 ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} align="center" pt={4} w={44}>
            <Text fw={700} size="sm">
              {number}.
            </Text>
            <Text size="10px" c="dimmed" ff="monospace" title={step.id}>
              {step.id}
            </Text>
          </Stack>
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={`${t('scripts.step.title')} ${number}`}
            placeholder={t('scripts.step.title')}
            value={step.title}
            error={error('title')}
            onChange={(e) => {
              const title = e.currentTarget.value;
              change((d) => updateStep(d, id, { title }));
            }}
            data-testid="step-title"
          />
          {isStart && (
            <Badge size="sm" variant="light" color="teal" mt={4}>
              {t('scripts.step.start')}
            </Badge>
          )}
          <Checkbox
            size="xs"
            mt={6}
            label={t('scripts.step.required')}
            checked={step.isRequired === true}
            onChange={(e) => {
              const isRequired = e.currentTarget.checked;
              change((d) => updateStep(d, id, { isRequired }));
            }}
            data-testid="step-required"
          />
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('scripts.step.moveUp', { number })}
              disabled={index === 0}
              onClick={() => change((d) => moveStep(d, id, -1))}
            >
              <IconArrowUp size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('scripts.step.moveDown', { number })}
              disabled={index === stepCount - 1}
              onClick={() => change((d) => moveStep(d, id, 1))}
            >
              <IconArrowDown size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('scripts.step.remove', { number })}
              disabled={stepCount === 1}
              onClick={() => change((d) => removeStep(d, id))}
              data-testid="step-remove"
            >
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {stepProblems.length > 0 && (
          <Stack gap={2} data-testid="step-problems">
            {stepProblems.map((message) => (
              <Text key={message} size="xs" c="red.8">
                ⚠ {message}
              </Text>
            ))}
          </Stack>
        )}
        <Textarea
          size="xs"
          label={t('scripts.step.text')}
          description={t('scripts.step.variables', {
            variables: SCRIPT_VARIABLES.map((name) => `{${name}}`).join(' '),
          })}
          autosize
          minRows={2}
          maxRows={8}
          value={step.text}
          error={error('text')}
          onChange={(e) => {
            const text = e.currentTarget.value;
            change((d) => updateStep(d, id, { text }));
          }}
          data-testid="step-text"
        />
        {plainSegments.map((segment) => (
          <Group key={segment} gap={4} align="flex-start" wrap="nowrap">
            <Textarea
              size="xs"
              style={{ flex: 1 }}
              label={t('scripts.step.plain', { segment: t(`segment.${segment}`) })}
              autosize
              minRows={1}
              maxRows={6}
              value={step.plainText?.[segment] ?? ''}
              error={error(`plainText.${segment}`)}
              onChange={(e) => {
                const text = e.currentTarget.value;
                change((d) => setPlainText(d, id, segment, text));
              }}
              data-testid={`step-plain-${segment}`}
            />
            <ActionIcon
              mt={22}
              variant="subtle"
              color="gray"
              aria-label={t('scripts.step.removePlain', { segment: t(`segment.${segment}`) })}
              onClick={() => change((d) => setPlainText(d, id, segment, undefined))}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {otherSegments.length > 0 && (
          <NativeSelect
            size="xs"
            w={260}
            aria-label={t('scripts.step.addPlain')}
            value=""
            data={[
              { value: '', label: t('scripts.step.addPlain') },
              ...otherSegments.map((s) => ({ value: s, label: t(`segment.${s}`) })),
            ]}
            onChange={(e) => {
              const segment = otherSegments.find((s) => s === e.currentTarget.value);
              if (segment !== undefined) change((d) => setPlainText(d, id, segment, ''));
            }}
            data-testid="step-add-plain"
          />
        )}
        <Switch
          size="xs"
          label={t('scripts.step.asks')}
          checked={asks}
          onChange={(e) => {
            const asksNow = e.currentTarget.checked;
            change((d) => setAsksCitizen(d, id, asksNow));
          }}
          data-testid="step-asks"
        />
        {asks ? (
          <Stack gap={4} pl="md" aria-label={t('scripts.step.answers')} role="group">
            {(step.options ?? []).map((option, optionIndex) => {
              const answer = optionIndex + 1;
              return (
                <Group key={optionIndex} gap={4} wrap="nowrap" align="flex-start">
                  <TextInput
                    size="xs"
                    style={{ flex: 1 }}
                    aria-label={t('scripts.step.answer', { number: answer })}
                    placeholder={t('scripts.step.answer', { number: answer })}
                    value={option.label}
                    error={
                      error(`options.${optionIndex}.label`) ?? error(`options.${optionIndex}.id`)
                    }
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      change((d) => updateOption(d, id, optionIndex, { label }));
                    }}
                    data-testid="option-label"
                  />
                  <Text size="sm" c="dimmed" pt={4} aria-hidden>
                    →
                  </Text>
                  <NativeSelect
                    size="xs"
                    w={220}
                    aria-label={t('scripts.step.answerNext', { number: answer })}
                    value={option.next ?? END}
                    data={linkTargets}
                    error={error(`options.${optionIndex}.next`)}
                    onChange={(e) => {
                      const next = e.currentTarget.value === END ? null : e.currentTarget.value;
                      change((d) => updateOption(d, id, optionIndex, { next }));
                    }}
                    data-testid="option-next"
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('scripts.step.removeAnswer', { number: answer })}
                    onClick={() => change((d) => removeOption(d, id, optionIndex))}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
            <div>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => change((d) => addOption(d, id))}
                data-testid="option-add"
              >
                {t('scripts.step.addAnswer')}
              </Button>
            </div>
          </Stack>
        ) : (
          <NativeSelect
            size="xs"
            w={280}
            label={t('scripts.step.next')}
            value={step.next ?? END}
            data={linkTargets}
            error={error('next')}
            onChange={(e) => {
              const next = e.currentTarget.value === END ? null : e.currentTarget.value;
              change((d) => updateStep(d, id, { next }));
            }}
            data-testid="step-next"
          />
        )}
      </Stack>
    </Paper>
  );
}

type StepCardProps = Parameters<typeof StepCardView>[0];

/**
 * Typing in one step re-renders that step only: the others keep their step object, and their
 * problems are compared by content.
 */
export const StepCard = memo(
  StepCardView,
  (a: StepCardProps, b: StepCardProps) =>
    a.step === b.step &&
    a.index === b.index &&
    a.stepCount === b.stepCount &&
    a.isStart === b.isStart &&
    a.targets === b.targets &&
    a.segments === b.segments &&
    a.onChange === b.onChange &&
    JSON.stringify(a.issues) === JSON.stringify(b.issues),
);
