import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../../shared/schemas/canned-response';
import type { Channel } from '../../../../shared/schemas/common';
import { sendReply } from '../api/desk-commands';
import { useTemplateInsertion } from '../hooks/use-template-insertion';
import {
  clearReplyDraft,
  loadReplyDraft,
  onReplyDraftAppended,
  saveReplyDraft,
  type ReplyDraft,
} from '../reply-drafts';
import { CannedResponsePicker } from './canned-response-picker';

/** A `/` typed here opens the canned responses: at the very start, or at the start of a line. */
function isAtLineStart(text: string, caret: number): boolean {
  return caret === 0 || text[caret - 1] === '\n';
}

/**
 * The reply box of a text conversation. What the agent types is kept on this device as a draft;
 * once sent it waits in the outbox (shown in the transcript) until the server has it, so a
 * reload or a dropped connection loses nothing. Canned responses come from `/` at the start of a
 * line (or the Templat button) and go in where the caret was.
 */
export function ReplyBox({
  contactId,
  channel,
  topic,
}: {
  contactId: string;
  channel: Channel;
  topic: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReplyDraft>(() => loadReplyDraft(contactId));
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Where the canned response will go; null while the picker is closed.
  const [pickerCaret, setPickerCaret] = useState<number | null>(null);
  const { insertTemplate, prompt } = useTemplateInsertion(contactId);

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

  const focusReply = (caret: number) => {
    // After the picker or the prompt has let go of the focus.
    setTimeout(() => {
      const element = textRef.current;
      if (element === null) return;
      element.focus();
      element.setSelectionRange(caret, caret);
    }, 0);
  };

  const closePicker = (returnFocus: boolean) => {
    const caret = pickerCaret ?? draft.text.length;
    setPickerCaret(null);
    if (returnFocus) focusReply(caret);
  };

  const pick = (response: CannedResponse) => {
    const at = pickerCaret ?? draft.text.length;
    setPickerCaret(null);
    insertTemplate(response.title, response.text, (text) => {
      // The stored draft is the latest, whatever happened while the prompt was open.
      const current = loadReplyDraft(contactId);
      const caret = Math.min(at, current.text.length);
      update({
        ...current,
        text: current.text.slice(0, caret) + text + current.text.slice(caret),
      });
      focusReply(caret + text.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const element = event.currentTarget;
      const caret = element.selectionStart;
      if (caret === element.selectionEnd && isAtLineStart(element.value, caret)) {
        event.preventDefault();
        setPickerCaret(caret);
      }
    }
  };

  return (
    <Stack gap={4}>
      <Textarea
        ref={textRef}
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
      {pickerCaret !== null && (
        <CannedResponsePicker topic={topic} onPick={pick} onClose={closePicker} />
      )}
      <Group justify="flex-end" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconTemplate size={14} aria-hidden />}
            title={t('replyTools.canned.openTitle')}
            aria-expanded={pickerCaret !== null}
            onClick={() =>
              pickerCaret === null
                ? setPickerCaret(textRef.current?.selectionStart ?? draft.text.length)
                : closePicker(true)
            }
            data-testid="canned-open"
          >
            {t('replyTools.canned.open')}
          </Button>
          <Button
            size="xs"
            onClick={submit}
            disabled={draft.text.trim() === ''}
            data-testid="reply-send"
          >
            {t('conversation.replySend')}
          </Button>
        </Group>
      </Group>
      {prompt}
    </Stack>
  );
}
