import {
  Alert,
  Box,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDefinition } from '../../../../shared/domain/guided-script';
import type { SegmentCode } from '../../../../shared/schemas/common';
import type { ScriptVersionView } from '../../../../shared/schemas/script';
import { toAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { scriptVersionQueryOptions, usePublishVersion, useSaveDraft } from '../api/script-queries';
import { addStep, draftProblems, stepIndexOf, type DraftProblem } from '../script-draft';
import { problemText } from './problem-text';
import { ScriptPreview } from './script-preview';
import { StepCard, type StepIssues, type StepTarget } from './step-card';

interface Draft {
  title: string;
  definition: ScriptDefinition;
}

function draftOf(view: ScriptVersionView): Draft {
  return { title: view.version.title, definition: view.version.definition };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const NO_ISSUES: StepIssues = { fields: {}, general: [] };

/** Problems by step index, each split into those beside a field and the rest. */
function placeProblems(
  problems: readonly DraftProblem[],
  definition: ScriptDefinition,
  t: TFunction,
) {
  const byStep = new Map<number, { fields: Record<string, string>; general: string[] }>();
  const general: string[] = [];
  const draftFields = new Map<string, string>();
  for (const problem of problems) {
    const message = problemText(problem, definition, t);
    const index = stepIndexOf(problem);
    if (index === undefined) {
      const key = problem.path.join('.');
      if (key === 'title' || key === 'definition.startStepId') draftFields.set(key, message);
      else general.push(message);
      continue;
    }
    const slot = byStep.get(index) ?? { fields: {}, general: [] };
    byStep.set(index, slot);
    // `definition.steps.2.options.0.next` → `options.0.next`; the step itself has no field.
    const field = problem.path.slice(3).join('.');
    if (field !== '' && field !== 'options' && slot.fields[field] === undefined) {
      slot.fields[field] = message;
    } else if (!slot.general.includes(message)) {
      slot.general.push(message);
    }
  }
  return { byStep, general, draftFields };
}

/**
 * A draft being written: its title, first step and steps, checked as they are typed with the same
 * rules the server applies, and walked in the preview beside it. Saving sends the whole draft;
 * publishing needs it saved and free of problems.
 */
export function DraftEditor({
  view,
  segments,
  agentName,
}: {
  view: ScriptVersionView;
  segments: readonly SegmentCode[];
  agentName: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [isConfirmingPublish, setIsConfirmingPublish] = useState(false);
  const queryClient = useQueryClient();
  const save = useSaveDraft();
  const publish = usePublishVersion();
  const address = { scriptId: view.script.id, version: view.version.version };
  const problems = useMemo(() => draftProblems(draft.title, draft.definition), [draft]);
  const placed = useMemo(
    () => placeProblems(problems, draft.definition, t),
    [problems, draft.definition, t],
  );
  const untitled = t('scripts.step.untitled');
  // Link targets change only with the steps' titles and order, not with every letter of a text.
  const targetsKey = JSON.stringify(draft.definition.steps.map((step) => [step.id, step.title]));
  const targets = useMemo(
    () =>
      (JSON.parse(targetsKey) as [string, string][]).map(([id, title], index): StepTarget => ({
        value: id,
        label: `${index + 1}. ${title || untitled}`,
      })),
    [targetsKey, untitled],
  );
  const isDirty = !sameDraft(draft, draftOf(view));
  const canSave = isDirty && problems.length === 0 && !save.isPending;
  const canPublish = !isDirty && problems.length === 0 && !save.isPending;
  const changeDefinition = useCallback(
    (update: (definition: ScriptDefinition) => ScriptDefinition) =>
      setDraft((current) => ({ ...current, definition: update(current.definition) })),
    [],
  );

  const saveDraft = (): void => {
    if (!canSave) return;
    const sent = draft;
    save.mutate(
      { ...address, body: { ...sent, baseUpdatedAt: view.version.updatedAt } },
      {
        onSuccess: (saved) => {
          // The server trims what was typed; take its copy unless typing went on meanwhile.
          setDraft((current) => (sameDraft(current, sent) ? draftOf(saved) : current));
          notifications.show({
            color: 'green',
            message: t('scripts.editor.saved', { version: saved.version.version }),
          });
        },
      },
    );
  };

  const confirmPublish = (): void => {
    publish.mutate(address, {
      onSuccess: (published) => {
        setIsConfirmingPublish(false);
        notifications.show({
          color: 'green',
          message: t('scripts.editor.published', { version: published.version.version }),
        });
      },
      // The reason shows under the draft, not behind the dialog.
      onError: () => setIsConfirmingPublish(false),
    });
  };

  // Ctrl+S (⌘S) saves wherever the focus is, even after a preview button it was on went away.
  const latestSave = useRef(saveDraft);
  useEffect(() => {
    latestSave.current = saveDraft;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latestSave.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  /** After a conflict: the version as it is now, in place of the edits that could not be saved. */
  const reload = async (): Promise<void> => {
    const fresh = await queryClient.fetchQuery({
      ...scriptVersionQueryOptions(address.scriptId, address.version),
      staleTime: 0,
    });
    save.reset();
    publish.reset();
    setDraft(draftOf(fresh));
  };

  const failure = save.error ?? publish.error;
  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) 380px',
        gap: 'var(--mantine-spacing-sm)',
        minHeight: 0,
        height: '100%',
      }}
      data-testid="draft-editor"
    >
      <Box style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Box style={{ overflowY: 'auto', flex: 1, minHeight: 0 }} pr={4}>
          <Stack gap="xs">
            <Group gap="xs" align="flex-start" grow>
              <TextInput
                size="xs"
                label={t('scripts.editor.title')}
                value={draft.title}
                error={placed.draftFields.get('title')}
                onChange={(e) => {
                  const title = e.currentTarget.value;
                  setDraft((current) => ({ ...current, title }));
                }}
                data-testid="draft-title"
              />
              <NativeSelect
                size="xs"
                label={t('scripts.editor.start')}
                value={draft.definition.startStepId}
                error={placed.draftFields.get('definition.startStepId')}
                data={targets}
                onChange={(e) => {
                  const startStepId = e.currentTarget.value;
                  changeDefinition((definition) => ({ ...definition, startStepId }));
                }}
                data-testid="draft-start"
              />
            </Group>
            {placed.general.map((message) => (
              <Text key={message} size="xs" c="red.8">
                ⚠ {message}
              </Text>
            ))}
            <Text fw={650} size="sm" component="h3" m={0}>
              {t('scripts.editor.steps')}
            </Text>
            {draft.definition.steps.map((step, index) => (
              <StepCard
                // Ids are stable for the life of a step; typing never remounts its inputs.
                key={step.id}
                step={step}
                index={index}
                stepCount={draft.definition.steps.length}
                isStart={draft.definition.startStepId === step.id}
                targets={targets}
                segments={segments}
                issues={placed.byStep.get(index) ?? NO_ISSUES}
                onChange={changeDefinition}
              />
            ))}
            <div>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => changeDefinition((definition) => addStep(definition).definition)}
                data-testid="step-add"
              >
                {t('scripts.editor.addStep')}
              </Button>
            </div>
          </Stack>
        </Box>
        <Box
          pt="xs"
          mt="xs"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="draft-footer"
        >
          {failure !== null && (
            <Alert color="red" role="alert" p="xs" mb="xs">
              {toAppError(failure).code === 'conflict' ? (
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <span>{t('scripts.editor.conflict')}</span>
                  <Button
                    size="compact-xs"
                    variant="white"
                    color="red"
                    onClick={() => void reload()}
                    data-testid="draft-reload"
                  >
                    {t('scripts.editor.reload')}
                  </Button>
                </Group>
              ) : (
                t(
                  save.error !== null
                    ? 'scripts.editor.saveFailed'
                    : 'scripts.editor.publishFailed',
                  {
                    message: errorText(failure, t),
                  },
                )
              )}
            </Alert>
          )}
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text
              size="xs"
              c={problems.length > 0 ? 'red.8' : 'dimmed'}
              role="status"
              data-testid="draft-state"
            >
              {problems.length > 0
                ? t('scripts.editor.problems', { count: problems.length })
                : isDirty
                  ? t('scripts.editor.unsaved')
                  : t('scripts.editor.allSaved')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                onClick={saveDraft}
                disabled={!canSave}
                loading={save.isPending}
                title={t('scripts.editor.saveHint')}
                data-testid="draft-save"
              >
                {t('scripts.editor.save')}
              </Button>
              <Button
                size="xs"
                color="teal"
                variant="outline"
                onClick={() => setIsConfirmingPublish(true)}
                disabled={!canPublish}
                title={canPublish ? undefined : t('scripts.editor.publishHint')}
                data-testid="draft-publish"
              >
                {t('scripts.editor.publish')}
              </Button>
            </Group>
          </Group>
        </Box>
      </Box>
      <Box style={{ overflowY: 'auto', minHeight: 0 }}>
        <ScriptPreview
          definition={draft.definition}
          title={draft.title}
          version={view.version.version}
          topic={view.script.topic}
          agentName={agentName}
        />
      </Box>
      <Modal
        opened={isConfirmingPublish}
        onClose={() => setIsConfirmingPublish(false)}
        title={t('scripts.editor.publishConfirmTitle', { version: view.version.version })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('scripts.editor.publishConfirm')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setIsConfirmingPublish(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="teal"
              loading={publish.isPending}
              onClick={confirmPublish}
              data-autofocus
              data-testid="publish-confirm"
            >
              {t('scripts.editor.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
