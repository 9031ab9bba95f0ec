import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconMessagePlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_SHARED_REASONS, type NotSharedReason } from '../../../../shared/domain/campaigns';
import type { Channel } from '../../../../shared/schemas/common';
import type { PolicyPrompt } from '../../../../shared/schemas/policy';
import { errorText } from '../../../lib/error-text';
import { localeFor } from '../../../i18n';
import { useMarkShared, usePolicyPrompts } from '../api/policy-queries';

function formatDate(at: number, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium' }).format(at);
}

/** What the agent already said about this policy, in words (and colour). */
function MarkLine({ prompt, onChange }: { prompt: PolicyPrompt; onChange: () => void }) {
  const { t } = useTranslation();
  const { mark } = prompt;
  if (mark === null) return null;
  return (
    <Group gap="xs" data-testid="policy-prompt-mark">
      <Badge
        color={mark.isShared ? 'green' : 'gray'}
        variant="light"
        leftSection={mark.isShared ? <IconCheck size={12} aria-hidden /> : undefined}
      >
        {mark.isShared
          ? mark.method === 'appended'
            ? t('policies.prompt.markedAppended')
            : t('policies.prompt.markedTold')
          : t('policies.prompt.markedNot', { reason: t(`policies.prompt.reasons.${mark.reason}`) })}
      </Badge>
      <Anchor component="button" type="button" size="xs" onClick={onChange}>
        {t('policies.prompt.change')}
      </Anchor>
    </Group>
  );
}

function PromptCard({
  prompt,
  channel,
  appendToReply,
}: {
  prompt: PolicyPrompt;
  channel: Channel;
  appendToReply: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const mark = useMarkShared();
  const [isEditing, setEditing] = useState(prompt.mark === null);
  const [isAskingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState<NotSharedReason>('no_time');
  const [note, setNote] = useState('');
  const isText = channel !== 'voice';

  const send = (input: Parameters<typeof mark.mutate>[0]['mark'], after?: () => void) =>
    mark.mutate(
      {
        commandId: crypto.randomUUID(),
        contactId: prompt.contactId,
        campaignId: prompt.campaignId,
        mark: input,
      },
      {
        onSuccess: () => {
          after?.();
          setEditing(false);
          setAskingReason(false);
        },
      },
    );

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}
      data-testid="policy-prompt"
      data-policy-id={prompt.policyId}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="center" wrap="nowrap" gap="xs">
          <Text size="sm" style={{ minWidth: 0 }}>
            <Text span fw={650}>
              {prompt.title}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              ·{' '}
              {t('policies.prompt.effective', {
                date: formatDate(prompt.effectiveFrom, i18n.language),
              })}
            </Text>
          </Text>
          {!isEditing && <MarkLine prompt={prompt} onChange={() => setEditing(true)} />}
        </Group>
        {/* Once marked, the card shrinks to its title and mark: the text was read already. */}
        {isEditing && <Text size="sm">{prompt.plainSummary}</Text>}
        {isEditing && !isAskingReason && (
          <Group gap={6}>
            {isText && (
              <Button
                size="xs"
                leftSection={<IconMessagePlus size={14} aria-hidden />}
                title={t('policies.prompt.appendTitle')}
                loading={mark.isPending}
                onClick={() =>
                  send({ isShared: true, method: 'appended' }, () => appendToReply(prompt.message))
                }
                data-testid="policy-prompt-append"
              >
                {t('policies.prompt.append')}
              </Button>
            )}
            <Button
              size="xs"
              variant={isText ? 'default' : 'filled'}
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={mark.isPending}
              onClick={() => send({ isShared: true, method: 'told' })}
              data-testid="policy-prompt-told"
            >
              {t('policies.prompt.told')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => setAskingReason(true)}
              data-testid="policy-prompt-not-shared"
            >
              {t('policies.prompt.notShared')}
            </Button>
          </Group>
        )}
        {isEditing && isAskingReason && (
          <Group gap={6} align="flex-end" wrap="nowrap">
            <NativeSelect
              size="xs"
              label={t('policies.prompt.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value as NotSharedReason)}
              data={NOT_SHARED_REASONS.map((value) => ({
                value,
                label: t(`policies.prompt.reasons.${value}`),
              }))}
              data-testid="policy-prompt-reason"
            />
            {reason === 'other' && (
              <TextInput
                size="xs"
                label={t('policies.prompt.note')}
                value={note}
                maxLength={300}
                onChange={(event) => setNote(event.currentTarget.value)}
                style={{ flex: 1 }}
              />
            )}
            <Button
              size="xs"
              loading={mark.isPending}
              disabled={reason === 'other' && note.trim() === ''}
              onClick={() =>
                send({
                  isShared: false,
                  reason,
                  note: reason === 'other' ? note.trim() : null,
                })
              }
              data-testid="policy-prompt-save-reason"
            >
              {t('policies.prompt.save')}
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => setAskingReason(false)}>
              {t('policies.prompt.cancel')}
            </Button>
          </Group>
        )}
        {mark.error !== null && (
          <Alert color="red" p="xs" role="alert">
            {t('policies.prompt.failed', { message: errorText(mark.error, t) })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The policies campaigns publish in this conversation, each with its plain-language text: the
 * agent marks it shared (told, or appended to the reply on a text channel) or says why not.
 */
export function PolicyPrompts({
  contactId,
  channel,
  appendToReply,
}: {
  contactId: string;
  channel: Channel;
  appendToReply: (text: string) => void;
}) {
  const { t } = useTranslation();
  const prompts = usePolicyPrompts(contactId);
  const list = prompts.data?.prompts ?? [];
  if (list.length === 0) return null;
  return (
    <Stack
      gap={6}
      component="section"
      aria-label={t('policies.prompt.region')}
      data-testid="policy-prompts"
    >
      <Group gap={6}>
        <IconSpeakerphone size={16} aria-hidden color="var(--mantine-color-blue-7)" />
        <Text size="xs" fw={700} tt="uppercase" c="blue.8">
          {t('policies.prompt.heading')}
        </Text>
      </Group>
      {list.map((prompt) => (
        <PromptCard
          key={prompt.policyId}
          prompt={prompt}
          channel={channel}
          appendToReply={appendToReply}
        />
      ))}
    </Stack>
  );
}
