import {
  Button,
  Checkbox,
  Modal,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentCode } from '../../../../shared/schemas/common';
import {
  QueueRoutingSettingsSchema,
  type QueueRouting,
} from '../../../../shared/schemas/queue-routing';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { useQueuesRouting, useReplaceQueueRouting } from '../api/queue-routing-queries';

const SECOND = 1_000;
const MINUTE = 60_000;

interface SegmentRow {
  segment: SegmentCode;
  isQueueSetting: boolean;
  priority: number | string;
  targetSeconds: number | string;
}

/** The editor's fields in the units people think in: seconds and minutes. */
interface RoutingForm {
  afterContactWorkSeconds: number | string;
  overflowMinutes: number | string;
  overflowTopics: string[];
  segments: SegmentRow[];
}

function formOf(routing: QueueRouting): RoutingForm {
  return {
    afterContactWorkSeconds: routing.afterContactWorkMs / SECOND,
    overflowMinutes: routing.overflowAfterMs === null ? '' : routing.overflowAfterMs / MINUTE,
    overflowTopics: routing.overflowTopics,
    segments: routing.effective.map((s) => ({
      segment: s.segment,
      isQueueSetting: s.isQueueSetting,
      priority: s.priority,
      targetSeconds: s.targetAnswerMs / SECOND,
    })),
  };
}

function RoutingEditor({
  routing,
  queueName,
  onClose,
}: {
  routing: QueueRouting;
  queueName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: reference } = useReferenceData();
  const labels = useLabels();
  const replace = useReplaceQueueRouting(routing.queueId);
  const [form, setForm] = useState<RoutingForm>(() => formOf(routing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setSegment = (index: number, change: Partial<SegmentRow>) =>
    setForm((current) => ({
      ...current,
      segments: current.segments.map((row, i) => (i === index ? { ...row, ...change } : row)),
    }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const candidate = {
      afterContactWorkMs: Math.round(Number(form.afterContactWorkSeconds) * SECOND),
      overflowAfterMs:
        form.overflowMinutes === '' ? null : Math.round(Number(form.overflowMinutes) * MINUTE),
      overflowTopics: form.overflowTopics,
      segments: form.segments
        .filter((row) => row.isQueueSetting)
        .map((row) => ({
          segment: row.segment,
          priority: Number(row.priority),
          targetAnswerMs: Math.round(Number(row.targetSeconds) * SECOND),
        })),
    };
    // The same schema the server checks, so the agent sees the reason by the field at once.
    const parsed = QueueRoutingSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const set = form.segments.filter((row) => row.isQueueSetting);
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [field, index, key] = issue.path;
        const name =
          field === 'segments' && typeof index === 'number'
            ? `${set[index]?.segment ?? ''}.${String(key)}`
            : String(field);
        next[name] ??= t('routingRules.invalid');
      }
      setErrors(next);
      return;
    }
    setErrors({});
    replace.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('routingRules.saved', { queue: queueName }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="routing-editor">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('routingRules.afterContactWork')}
            description={t('routingRules.seconds')}
            min={0}
            max={600}
            value={form.afterContactWorkSeconds}
            onChange={(value) => setForm({ ...form, afterContactWorkSeconds: value })}
            error={errors.afterContactWorkMs}
            data-testid="routing-acw"
          />
          <NumberInput
            label={t('routingRules.overflowAfter')}
            description={t('routingRules.overflowHint')}
            min={0}
            max={60}
            value={form.overflowMinutes}
            onChange={(value) => setForm({ ...form, overflowMinutes: value })}
            error={errors.overflowAfterMs}
            data-testid="routing-overflow"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('routingRules.overflowTopics')}
          data={(reference?.topics ?? []).map((topic) => ({
            value: topic.code,
            label: labels.topic(topic.code),
          }))}
          value={form.overflowTopics}
          onChange={(overflowTopics) => setForm({ ...form, overflowTopics })}
          error={errors.overflowTopics}
        />
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routingRules.segment')}</Table.Th>
              <Table.Th>{t('routingRules.ownSetting')}</Table.Th>
              <Table.Th>{t('routingRules.priority')}</Table.Th>
              <Table.Th>{t('routingRules.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.segments.map((row, index) => (
              <Table.Tr key={row.segment}>
                <Table.Td>{t(`segment.${row.segment}`)}</Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('routingRules.ownSettingFor', {
                      segment: t(`segment.${row.segment}`),
                    })}
                    checked={row.isQueueSetting}
                    onChange={(event) =>
                      setSegment(index, { isQueueSetting: event.currentTarget.checked })
                    }
                    data-testid={`routing-own-${row.segment}`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    w={80}
                    min={1}
                    max={9}
                    disabled={!row.isQueueSetting}
                    aria-label={t('routingRules.priority')}
                    value={row.priority}
                    onChange={(value) => setSegment(index, { priority: value })}
                    error={errors[`${row.segment}.priority`]}
                    data-testid={`routing-priority-${row.segment}`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    w={110}
                    min={5}
                    disabled={!row.isQueueSetting}
                    aria-label={t('routingRules.target')}
                    suffix={` ${t('routingRules.secondsShort')}`}
                    value={row.targetSeconds}
                    onChange={(value) => setSegment(index, { targetSeconds: value })}
                    error={errors[`${row.segment}.targetAnswerMs`]}
                    data-testid={`routing-target-${row.segment}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FormActions
          failure={replace.isError ? errorText(replace.error, t) : null}
          submitLabel={t('routingRules.save')}
          isPending={replace.isPending}
          onCancel={onClose}
          submitTestId="routing-save"
        />
      </Stack>
    </form>
  );
}

/**
 * How each queue routes: wrap-up time, overflow, and where a queue sets its own priority or
 * target per caller segment. Administrators (`canEdit`) change them here.
 */
export function QueueRoutingTable({ canEdit = false }: { canEdit?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: reference } = useReferenceData();
  const queueIds = (reference?.queues ?? []).map((queue) => queue.id);
  const results = useQueuesRouting(queueIds);
  const [editing, setEditing] = useState<QueueRouting | null>(null);
  return (
    <section aria-labelledby="queue-routing-title">
      <Text fw={650} size="sm" id="queue-routing-title" component="h2" m={0} mb={6}>
        {t('routingRules.title')}
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="queue-routing">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hours.queue')}</Table.Th>
            <Table.Th>{t('routingRules.afterContactWork')}</Table.Th>
            <Table.Th>{t('routingRules.overflowAfter')}</Table.Th>
            <Table.Th>{t('routingRules.ownSettings')}</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueIds.map((queueId, index) => {
            const routing = results[index]?.data;
            const own = routing?.effective.filter((s) => s.isQueueSetting) ?? [];
            return (
              <Table.Tr key={queueId} data-queue={queueId}>
                <Table.Td>{labels.queue(queueId)}</Table.Td>
                <Table.Td>
                  {routing
                    ? t('routingRules.secondsValue', { s: routing.afterContactWorkMs / SECOND })
                    : '…'}
                </Table.Td>
                <Table.Td>
                  {routing === undefined
                    ? '…'
                    : routing.overflowAfterMs === null
                      ? t('routingRules.never')
                      : t('routingRules.overflowValue', {
                          m: routing.overflowAfterMs / MINUTE,
                          topics: routing.overflowTopics
                            .map((topic) => labels.topic(topic))
                            .join(', '),
                        })}
                </Table.Td>
                <Table.Td>
                  {own.length === 0
                    ? t('routingRules.defaults')
                    : own
                        .map((s) =>
                          t('routingRules.ownValue', {
                            segment: t(`segment.${s.segment}`),
                            priority: s.priority,
                            s: s.targetAnswerMs / SECOND,
                          }),
                        )
                        .join('; ')}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={routing === undefined}
                      onClick={() => setEditing(routing ?? null)}
                      data-testid={`routing-edit-${queueId}`}
                    >
                      {t('routingRules.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('routingRules.editTitle', { queue: labels.queue(editing.queueId) }) : ''}
        size="lg"
      >
        {editing && (
          <RoutingEditor
            routing={editing}
            queueName={labels.queue(editing.queueId)}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </section>
  );
}
