import { Badge, Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  countOutbox,
  currentOutbox,
  useOutboxStore,
  type Outbox,
  type OutboxCommand,
  type OutboxEntry,
} from '../lib/outbox';
import { AppError } from '../lib/app-error';
import { errorText } from '../lib/error-text';

const DETAIL_MAX = 40;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DETAIL_MAX ? `${flat.slice(0, DETAIL_MAX - 1)}…` : flat;
}

const KIND_KEYS = {
  'outcome:log': 'outbox.kind.outcomeLog',
  'message:send': 'outbox.kind.messageSend',
  'case:create': 'outbox.kind.caseCreate',
  'case:transition': 'outbox.kind.caseTransition',
  'case:extend': 'outbox.kind.caseExtend',
  'case:pause': 'outbox.kind.casePause',
  'case:resume': 'outbox.kind.caseResume',
  'case:hand-off': 'outbox.kind.caseHandOff',
  'case:acknowledge-hand-off': 'outbox.kind.caseAcknowledgeHandOff',
  'case:return-hand-off': 'outbox.kind.caseReturnHandOff',
} as const satisfies Record<OutboxCommand, string>;

/** What an outbox entry is, in a few words the agent recognises. */
export function outboxEntryLabel(entry: OutboxEntry, t: TFunction): string {
  const payload = entry.payload as Record<string, unknown>;
  const detail =
    typeof payload.text === 'string'
      ? payload.text
      : typeof payload.wrapupCode === 'string'
        ? payload.wrapupCode
        : typeof payload.subject === 'string'
          ? payload.subject
          : '';
  return t(KIND_KEYS[entry.name], { detail: shorten(detail) });
}

/** The refusal of a failed entry in the agent's language (the code's text). */
export function outboxEntryError(entry: OutboxEntry, t: TFunction): string {
  return entry.lastError === null
    ? ''
    : errorText(new AppError(entry.lastError.code, entry.lastError.message), t);
}

function withOutbox(action: (outbox: Outbox) => Promise<void>): void {
  void currentOutbox()?.then(action);
}

/**
 * The header's count of what waits on this device, with the list behind it: pending items and
 * those the server refused, which the agent may send again or discard. Hidden when empty.
 */
export function OutboxIndicator() {
  const { t } = useTranslation();
  const entries = useOutboxStore((state) => state.entries);
  const sendingId = useOutboxStore((state) => state.sendingId);
  const isDurable = useOutboxStore((state) => state.isDurable);
  const { pending, failed } = countOutbox(entries);
  if (entries.length === 0) return null;
  return (
    <Popover width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton
          aria-label={t('outbox.indicatorLabel', { pending, failed })}
          data-testid="outbox-indicator"
          data-pending={pending}
          data-failed={failed}
        >
          <Badge
            color={failed > 0 ? 'red' : 'orange'}
            variant="light"
            leftSection={<IconInbox size={12} aria-hidden />}
          >
            {t('outbox.indicator', { count: pending + failed })}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="outbox-list">
        <Stack gap="xs">
          <Text fw={650} size="sm">
            {t('outbox.title')}
          </Text>
          {!isDurable && (
            <Text size="xs" c="orange.9">
              {t('outbox.notDurable')}
            </Text>
          )}
          {pending > 0 && (
            <Stack gap={4} component="section" aria-label={t('outbox.pendingSection')}>
              <Text size="xs" c="dimmed" fw={600}>
                {t('outbox.pendingSection')}
              </Text>
              {entries
                .filter((entry) => entry.status === 'pending')
                .map((entry) => (
                  <Group
                    key={entry.commandId}
                    justify="space-between"
                    wrap="nowrap"
                    data-testid="outbox-pending-item"
                  >
                    <Text size="sm" style={{ minWidth: 0 }} truncate>
                      {outboxEntryLabel(entry, t)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {entry.commandId === sendingId ? t('outbox.sending') : t('outbox.waiting')}
                    </Text>
                  </Group>
                ))}
            </Stack>
          )}
          {failed > 0 && (
            <Stack gap={6} component="section" aria-label={t('outbox.failedSection')}>
              <Text size="xs" c="red.8" fw={600}>
                {t('outbox.failedSection')}
              </Text>
              {entries
                .filter((entry) => entry.status === 'failed')
                .map((entry) => (
                  <Stack key={entry.commandId} gap={2} data-testid="outbox-failed-item">
                    <Text size="sm">{outboxEntryLabel(entry, t)}</Text>
                    <Text size="xs" c="red.8">
                      {outboxEntryError(entry, t)}
                    </Text>
                    <Group gap="xs">
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => withOutbox((outbox) => outbox.retry(entry.commandId))}
                      >
                        {t('outbox.retry')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => withOutbox((outbox) => outbox.discard(entry.commandId))}
                        data-testid="outbox-discard"
                      >
                        {t('outbox.discard')}
                      </Button>
                    </Group>
                  </Stack>
                ))}
            </Stack>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
