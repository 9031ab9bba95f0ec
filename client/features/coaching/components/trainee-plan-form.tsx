import { Button, Checkbox, Chip, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPACITY_LIMITS } from '../../../../shared/domain/capacity';
import type { TraineePlan, TraineePlanView } from '../../../../shared/schemas/coaching';
import { errorText } from '../../../lib/error-text';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { useReplaceTraineePlan, useTraineePlan } from '../api/coaching-queries';

function PlanEditor({ view, agentName }: { view: TraineePlanView; agentName: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const reference = useReferenceData();
  const save = useReplaceTraineePlan(view.agentId);
  // The caps as typed: a field being cleared to type a new number is not a cap of 0.
  const [caps, setCaps] = useState<{ chat: number | string; email: number | string }>({
    chat: view.chatCap,
    email: view.emailCap,
  });
  const [plan, setPlan] = useState<Omit<TraineePlan, 'chatCap' | 'emailCap'>>({
    topics: view.topics,
    requiresApproval: view.requiresApproval,
  });
  const asCap = (value: number | string) =>
    typeof value === 'number' ? value : Number(value) || 0;
  const topics = reference.data?.topics ?? [];
  return (
    <Stack gap="xs">
      <Group gap="sm" grow>
        <NumberInput
          size="xs"
          label={t('coaching.plan.chatCap')}
          min={0}
          max={CAPACITY_LIMITS.chat}
          value={caps.chat}
          onChange={(value) => setCaps({ ...caps, chat: value })}
          data-testid="plan-chat-cap"
        />
        <NumberInput
          size="xs"
          label={t('coaching.plan.emailCap')}
          min={0}
          max={CAPACITY_LIMITS.email}
          value={caps.email}
          onChange={(value) => setCaps({ ...caps, email: value })}
          data-testid="plan-email-cap"
        />
      </Group>
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t('coaching.plan.topics')}
        </Text>
        <Chip.Group
          multiple
          value={plan.topics}
          onChange={(value) => setPlan({ ...plan, topics: value })}
        >
          <Group gap={4}>
            {topics.map((topic) => (
              <Chip
                key={topic.code}
                value={topic.code}
                size="xs"
                data-testid={`plan-topic-${topic.code}`}
              >
                {labels.topic(topic.code)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Checkbox
        size="xs"
        label={t('coaching.plan.requiresApproval')}
        checked={plan.requiresApproval}
        onChange={(event) => setPlan({ ...plan, requiresApproval: event.currentTarget.checked })}
        data-testid="plan-requires-approval"
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {view.updatedByName !== null &&
            t('coaching.plan.updatedBy', { name: view.updatedByName })}
        </Text>
        <Button
          size="compact-sm"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { ...plan, chatCap: asCap(caps.chat), emailCap: asCap(caps.email) },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: t('coaching.plan.saved', { name: agentName }),
                  }),
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    message: t('coaching.plan.failed', { message: errorText(error, t) }),
                  }),
              },
            )
          }
          data-testid="plan-save"
        >
          {t('coaching.plan.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A trainee's graduated capacity: chats and e-mails at once, topics, approval of replies. */
export function TraineePlanForm({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t } = useTranslation();
  const plan = useTraineePlan(agentId);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="section"
      aria-label={t('coaching.plan.title')}
      data-testid="trainee-plan"
    >
      <Text fw={650} size="sm" mb={6}>
        {t('coaching.plan.title')}
      </Text>
      {plan.isError ? (
        <Text size="sm" c="red.8">
          {errorText(plan.error, t)}
        </Text>
      ) : plan.data === undefined ? (
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      ) : (
        // Keyed by when it was saved, so a save elsewhere shows here afresh.
        <PlanEditor key={plan.data.updatedAt ?? 0} view={plan.data} agentName={agentName} />
      )}
    </Paper>
  );
}
