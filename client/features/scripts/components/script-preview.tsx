import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerStep,
  pendingRequiredSteps,
  renderScriptSteps,
  startProgress,
  stepBack,
  type ScriptDefinition,
  type ScriptProgress,
} from '../../../../shared/domain/guided-script';
import {
  SEGMENT_CODES,
  SegmentCodeSchema,
  type SegmentCode,
} from '../../../../shared/schemas/common';
import type { Script } from '../../../../shared/schemas/contact';
import { ScriptPanel } from '../../../components/conversation-view';
import { isWalkable, replayProgress } from '../script-draft';

/**
 * The script as an agent meets it, walked on the same pure core the desk's server uses: pick the
 * citizen's answers, go back, and read the steps with a sample caller's details filled in and the
 * caller group's plainer words. Nothing is sent anywhere.
 */
export function ScriptPreview({
  definition,
  title,
  version,
  topic,
  agentName,
}: {
  definition: ScriptDefinition;
  title: string;
  version: number;
  topic: string;
  agentName: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [callerName, setCallerName] = useState('Siti Rahayu');
  const [segment, setSegment] = useState<SegmentCode>('public');
  const [progress, setProgress] = useState<ScriptProgress>(() => startProgress(definition));
  const walkable = isWalkable(definition);
  // Edits to the draft keep the answers given so far, as far as they still fit.
  const current = walkable ? replayProgress(definition, progress) : progress;

  let body;
  if (!walkable) {
    body = (
      <Text size="sm" c="dimmed" data-testid="preview-not-walkable">
        {t('scripts.preview.notWalkable')}
      </Text>
    );
  } else {
    const script: Script = {
      id: 'preview',
      topic,
      title: title || t('scripts.step.untitled'),
      version,
      steps: renderScriptSteps(definition, segment, {
        'caller.name': callerName,
        reference: t('scripts.preview.sampleReference'),
        'agent.name': agentName,
      }),
      state: {
        contactId: 'preview',
        progress: current,
        pendingRequired: pendingRequiredSteps(definition, current),
        revision: 0,
      },
    };
    body = (
      <ScriptPanel
        script={script}
        maxHeight={420}
        moves={{
          isMoving: false,
          onAnswer: (_atStepId, optionId) => {
            const moved = answerStep(definition, current, optionId);
            if (moved.ok) setProgress(moved.progress);
          },
          onBack: () => setProgress(stepBack(current)),
        }}
      />
    );
  }

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={titleId}>
      <Stack gap="xs" data-testid="script-preview">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="sm" id={titleId}>
            {t('scripts.preview.title')}
          </Title>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => setProgress(startProgress(definition))}
            data-testid="preview-restart"
          >
            {t('scripts.preview.restart')}
          </Button>
        </Group>
        <Group gap="xs" grow>
          <TextInput
            size="xs"
            label={t('scripts.preview.caller')}
            value={callerName}
            onChange={(e) => setCallerName(e.currentTarget.value)}
            data-testid="preview-caller"
          />
          <NativeSelect
            size="xs"
            label={t('scripts.preview.segment')}
            value={segment}
            data={SEGMENT_CODES.map((code) => ({ value: code, label: t(`segment.${code}`) }))}
            onChange={(e) => {
              const chosen = SegmentCodeSchema.safeParse(e.currentTarget.value);
              if (chosen.success) setSegment(chosen.data);
            }}
            data-testid="preview-segment"
          />
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
