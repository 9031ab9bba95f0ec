import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptDefinition } from '../../../../shared/domain/guided-script';
import { SEGMENT_CODES } from '../../../../shared/schemas/common';

/** A version read-only: each step's words, plainer words, and where each answer leads. */
export function ScriptOutline({ definition }: { definition: ScriptDefinition }) {
  const { t } = useTranslation();
  const numberOf = new Map(definition.steps.map((step, index) => [step.id, index + 1]));
  const target = (next: string | null | undefined) => {
    if (next === null || next === undefined) return t('scripts.step.end');
    const step = definition.steps.find((s) => s.id === next);
    return `${numberOf.get(next) ?? '?'}. ${step?.title ?? next}`;
  };
  return (
    <Stack gap="xs" data-testid="script-outline">
      {definition.steps.map((step, index) => (
        <Paper key={step.id} withBorder p="xs" radius="sm" data-testid="outline-step">
          <Group gap={6} mb={2}>
            <Text fw={650} size="sm">
              {index + 1}. {step.title}
            </Text>
            {definition.startStepId === step.id && (
              <Badge size="xs" variant="light" color="teal">
                {t('scripts.step.start')}
              </Badge>
            )}
            {step.isRequired && (
              <Badge size="xs" variant="light" color="orange">
                {t('scripts.step.required')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{step.text}</Text>
          {SEGMENT_CODES.flatMap((segment) => {
            const plain = step.plainText?.[segment];
            return plain === undefined
              ? []
              : [
                  <Text key={segment} size="xs" c="dimmed" mt={2}>
                    {t('scripts.step.plain', { segment: t(`segment.${segment}`) })}: {plain}
                  </Text>,
                ];
          })}
          <Stack gap={0} mt={4}>
            {step.options !== undefined ? (
              step.options.map((option) => (
                <Text key={option.id} size="xs">
                  «{option.label}» → {target(option.next)}
                </Text>
              ))
            ) : (
              <Text size="xs" c="dimmed">
                → {target(step.next)}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
