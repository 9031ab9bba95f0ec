import {
  ActionIcon,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UNDERSTANDING_LEVELS, type Understanding } from '../../../../shared/domain/policy-report';
import {
  loadPolicyFeedback,
  savePolicyFeedback,
  usePolicyFeedback,
  type PolicyFeedbackDraft,
} from '../../../lib/policy-feedback';
import { useCatalog, usePolicyPrompts } from '../api/policy-queries';

const LEVEL_COLOURS: Record<Understanding, string> = {
  understood: 'green',
  partly: 'yellow',
  confused: 'orange',
  disagrees: 'red',
};

/**
 * Under the wrap-up notes: one row per policy shared in the conversation (added by itself) or
 * discussed (added by the agent), each with the citizen's understanding and question. Rows stay
 * on this device until the outcome is logged with them.
 */
export function PolicyFeedbackFields({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const stored = usePolicyFeedback(contactId);
  const prompts = usePolicyPrompts(contactId);
  const catalog = useCatalog();
  const shared = (prompts.data?.prompts ?? []).filter((p) => p.mark?.isShared === true);
  const unmarked = (prompts.data?.prompts ?? []).filter((p) => p.mark === null);
  const rows: (PolicyFeedbackDraft & { isShared: boolean })[] = [
    ...stored.map((row) => ({ ...row, isShared: shared.some((p) => p.policyId === row.policyId) })),
    ...shared
      .filter((p) => !stored.some((row) => row.policyId === p.policyId))
      .map((p) => ({
        policyId: p.policyId,
        title: p.title,
        understanding: null,
        question: '',
        isShared: true,
      })),
  ];
  const addable = (catalog.data?.policies ?? []).filter(
    (p) => p.status === 'published' && !rows.some((row) => row.policyId === p.id),
  );

  const change = (policyId: string, title: string, patch: Partial<PolicyFeedbackDraft>) => {
    const current = loadPolicyFeedback(contactId);
    const existing = current.find((row) => row.policyId === policyId);
    const next = existing
      ? current.map((row) => (row.policyId === policyId ? { ...row, ...patch } : row))
      : [...current, { policyId, title, understanding: null, question: '', ...patch }];
    savePolicyFeedback(contactId, next);
  };
  const remove = (policyId: string) =>
    savePolicyFeedback(
      contactId,
      loadPolicyFeedback(contactId).filter((row) => row.policyId !== policyId),
    );

  if (rows.length === 0 && addable.length === 0 && unmarked.length === 0) return null;
  return (
    <Stack gap={6} data-testid="policy-feedback">
      <div>
        <Text size="sm" fw={600}>
          {t('policies.feedback.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('policies.feedback.hint')}
        </Text>
      </div>
      {unmarked.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="policy-feedback-unmarked">
          {t('policies.feedback.unmarked', { titles: unmarked.map((p) => p.title).join(', ') })}
        </Text>
      )}
      {rows.map((row) => (
        <Paper
          key={row.policyId}
          withBorder
          p="xs"
          radius="sm"
          data-testid="policy-feedback-row"
          data-policy-id={row.policyId}
        >
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>
                {row.title}
              </Text>
              {!row.isShared && (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('policies.feedback.remove', { title: row.title })}
                  onClick={() => remove(row.policyId)}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <SegmentedControl
              size="xs"
              fullWidth
              aria-label={t('policies.feedback.understanding')}
              value={row.understanding ?? ''}
              color={row.understanding === null ? 'gray' : LEVEL_COLOURS[row.understanding]}
              onChange={(value) =>
                change(row.policyId, row.title, {
                  understanding: UNDERSTANDING_LEVELS.find((level) => level === value) ?? null,
                })
              }
              data={UNDERSTANDING_LEVELS.map((level) => ({
                value: level,
                label: t(`policies.feedback.levels.${level}`),
              }))}
              data-testid="policy-feedback-understanding"
            />
            {row.understanding === null && (
              <Text size="xs" c="dimmed">
                {t('policies.feedback.notRecorded')}
              </Text>
            )}
            <TextInput
              size="xs"
              label={t('policies.feedback.question')}
              description={t('policies.feedback.questionHint')}
              value={row.question}
              maxLength={500}
              onChange={(event) =>
                change(row.policyId, row.title, { question: event.currentTarget.value })
              }
              data-testid="policy-feedback-question"
            />
          </Stack>
        </Paper>
      ))}
      {addable.length > 0 && (
        <NativeSelect
          size="xs"
          aria-label={t('policies.feedback.add')}
          value=""
          onChange={(event) => {
            const policy = addable.find((p) => p.id === event.currentTarget.value);
            if (policy) change(policy.id, policy.title, {});
          }}
          data={[
            { value: '', label: t('policies.feedback.add'), disabled: true },
            ...addable.map((p) => ({ value: p.id, label: p.title })),
          ]}
          data-testid="policy-feedback-add"
        />
      )}
    </Stack>
  );
}
