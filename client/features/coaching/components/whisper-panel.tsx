import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text';
import { formatTime } from '../../../lib/format';
import { useSendWhisper, useWhispers } from '../api/coaching-queries';

/**
 * Whispers about one conversation, beside it: the agent reads them on the desk; a trainer or
 * lead following the agent reads them and (with `whisperTo`) writes one. Never in the transcript.
 */
export function WhisperPanel({
  contactId,
  whisperTo,
}: {
  contactId: string;
  /** The agent to whisper to; absent on the agent's own desk. */
  whisperTo?: { agentId: string; name: string };
}) {
  const { t, i18n } = useTranslation();
  const whispers = useWhispers(contactId);
  const send = useSendWhisper();
  const [text, setText] = useState('');
  const list = whispers.data ?? [];
  // On the desk, an empty panel is noise; those coaching always see the composer.
  if (whisperTo === undefined && list.length === 0) return null;

  const submit = () => {
    const trimmed = text.trim();
    if (trimmed === '' || whisperTo === undefined) return;
    send.mutate(
      { agentId: whisperTo.agentId, contactId, text: trimmed },
      { onSuccess: () => setText('') },
    );
  };

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      bg="violet.0"
      style={{ borderColor: 'var(--mantine-color-violet-3)' }}
      component="section"
      aria-label={t('coaching.whispers.title')}
      data-testid="whisper-panel"
    >
      <Group gap={6} mb={4}>
        <IconMessageShare size={16} color="var(--mantine-color-violet-7)" aria-hidden />
        <Text size="sm" fw={650} c="violet.9">
          {t('coaching.whispers.title')}
        </Text>
        {whisperTo === undefined && (
          <Text size="xs" c="dimmed">
            {t('coaching.whispers.hint')}
          </Text>
        )}
      </Group>
      {list.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('coaching.whispers.empty')}
        </Text>
      ) : (
        <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
          {list.map((whisper) => (
            <li key={whisper.id} data-testid="whisper">
              <Text size="sm">
                <Text span size="xs" c="violet.8" fw={600}>
                  {whisper.fromName} · {formatTime(whisper.at, i18n.language)}:
                </Text>{' '}
                {whisper.text}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {whisperTo !== undefined && (
        <Stack gap={4} mt="xs">
          <Textarea
            size="xs"
            autosize
            minRows={1}
            maxRows={4}
            maxLength={1000}
            label={t('coaching.whispers.composerLabel', { name: whisperTo.name })}
            description={t('coaching.whispers.composerHint')}
            placeholder={t('coaching.whispers.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
            error={
              send.isError
                ? t('coaching.whispers.failed', { message: errorText(send.error, t) })
                : undefined
            }
            data-testid="whisper-input"
          />
          <Group justify="flex-end">
            <Button
              size="compact-sm"
              color="violet"
              onClick={submit}
              loading={send.isPending}
              disabled={text.trim() === ''}
              data-testid="whisper-send"
            >
              {t('coaching.whispers.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
