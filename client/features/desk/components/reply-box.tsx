import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/schemas/common';
import { sendReply } from '../api/desk-commands';
import {
  clearReplyDraft,
  loadReplyDraft,
  onReplyDraftAppended,
  saveReplyDraft,
  type ReplyDraft,
} from '../reply-drafts';

/**
 * The reply box of a text conversation. What the agent types is kept on this device as a draft;
 * once sent it waits in the outbox (shown in the transcript) until the server has it, so a
 * reload or a dropped connection loses nothing.
 */
export function ReplyBox({ contactId, channel }: { contactId: string; channel: Channel }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReplyDraft>(() => loadReplyDraft(contactId));

  // The knowledge panel inserts answers into the stored draft; show them here.
  useEffect(
    () =>
      onReplyDraftAppended((appendedTo) => {
        if (appendedTo === contactId) setDraft(loadReplyDraft(contactId));
      }),
    [contactId],
  );

  if (channel === 'voice') {
    return (
      <Text size="sm" c="dimmed" data-testid="reply-voice">
        {t('conversation.voiceNoReply')}
      </Text>
    );
  }

  const update = (next: ReplyDraft) => {
    setDraft(next);
    saveReplyDraft(contactId, next);
  };

  const submit = () => {
    const text = draft.text.trim();
    if (text === '') return;
    // From here the outbox keeps it (and the transcript shows it) until the server has it.
    sendReply({ commandId: draft.commandId, contactId, text });
    clearReplyDraft(contactId);
    setDraft({ text: '', commandId: crypto.randomUUID() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Stack gap={4}>
      <Textarea
        label={t('conversation.replyLabel')}
        placeholder={t('conversation.replyPlaceholder')}
        autosize
        minRows={2}
        maxRows={5}
        value={draft.text}
        onChange={(event) => update({ ...draft, text: event.currentTarget.value })}
        onKeyDown={onKeyDown}
        data-testid="reply-text"
      />
      <Group justify="flex-end" wrap="nowrap">
        <Button
          size="xs"
          onClick={submit}
          disabled={draft.text.trim() === ''}
          data-testid="reply-send"
        >
          {t('conversation.replySend')}
        </Button>
      </Group>
    </Stack>
  );
}
