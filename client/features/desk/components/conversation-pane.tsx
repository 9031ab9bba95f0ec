import { Alert, Button, Center, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconCircleCheck } from '@tabler/icons-react';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary, ConversationDetail } from '../../../../shared/schemas/contact';
import type { User } from '../../../../shared/schemas/user';
import { ConversationHeader, ScriptPanel, Transcript } from '../../../components/conversation-view';
import { errorText } from '../../../lib/error-text';
import { useReferenceData } from '../../../lib/reference-data';
import { useScriptMove } from '../api/desk-commands';
import { useLiveStore } from '../../../stores/live-store';
import { usePendingReplies } from '../hooks/use-pending-replies';
import { appendToReplyDraft } from '../reply-drafts';
import { ConversationTabLabel } from './conversation-tabs';
import type { DeskSlots } from './desk-screen';
import { DeskNotices } from './desk-notices';
import { ReplyBox } from './reply-box';
import { TransferModal } from './transfer-modal';
import { WrapupForm } from './wrapup-form';

export const CONVERSATION_TITLE_ID = 'conversation-pane-title';

/** One held conversation: header, transcript and reply, script, wrap-up. */
function ConversationWorkspace({
  conversation,
  user,
  codeInputRef,
  onTransfer,
  slots,
}: {
  conversation: ConversationDetail;
  user: User;
  codeInputRef: Ref<HTMLSelectElement> | undefined;
  onTransfer: (contact: ContactSummary) => void;
  slots: DeskSlots;
}) {
  const { t } = useTranslation();
  const reference = useReferenceData();
  const scriptMove = useScriptMove();
  const pendingReplies = usePendingReplies(conversation.contact.id, conversation.messages);
  const moveScript = (move: Parameters<typeof scriptMove.mutate>[0]): void =>
    scriptMove.mutate(move, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          message: t('conversation.scriptMoveFailed', { message: errorText(error, t) }),
        }),
    });
  return (
    <Stack gap="sm" data-testid="conversation" data-contact-id={conversation.contact.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <ConversationHeader contact={conversation.contact} />
        </div>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowsExchange size={14} aria-hidden />}
          onClick={() => onTransfer(conversation.contact)}
          data-testid="transfer-open"
        >
          {t('transfer.open')}
        </Button>
      </Group>
      {slots.renderPolicyPrompts?.({
        contactId: conversation.contact.id,
        channel: conversation.contact.channel,
        appendToReply: (text) => appendToReplyDraft(conversation.contact.id, text),
      })}
      {slots.renderConversationCoaching?.(conversation.contact.id)}
      <SimpleGrid cols={2} spacing="md">
        <Stack gap="xs">
          <Transcript messages={conversation.messages} pending={pendingReplies} maxHeight={200} />
          <ReplyBox
            contactId={conversation.contact.id}
            channel={conversation.contact.channel}
            topic={conversation.contact.topic}
          />
        </Stack>
        <ScriptPanel
          script={conversation.script}
          moves={{
            onAnswer: (atStepId, optionId) =>
              moveScript({
                kind: 'answer',
                contactId: conversation.contact.id,
                atStepId,
                optionId,
              }),
            onBack: (atStepId) =>
              moveScript({ kind: 'back', contactId: conversation.contact.id, atStepId }),
            isMoving: scriptMove.isPending,
          }}
        />
      </SimpleGrid>
      <WrapupForm
        contactId={conversation.contact.id}
        userId={user.id}
        wrapupCodes={reference.data?.wrapupCodes ?? []}
        staff={reference.data?.staff ?? []}
        codeInputRef={codeInputRef}
        callerName={conversation.contact.citizenName}
        extras={slots.renderWrapupExtras?.(conversation.contact.id)}
      />
    </Stack>
  );
}

/**
 * Centre pane: what a lead did, then one tab per held conversation. Every tab stays mounted, so
 * a half-written reply or wrap-up survives switching to another chat and back.
 */
export function ConversationPane({
  user,
  codeInputRef,
  slots = {},
}: {
  user: User;
  codeInputRef: Ref<HTMLSelectElement>;
  slots?: DeskSlots;
}) {
  const { t } = useTranslation();
  const conversations = useLiveStore((state) => state.desk.conversations);
  const selectedContactId = useLiveStore((state) => state.desk.selectedContactId);
  const seenUpTo = useLiveStore((state) => state.desk.seenUpTo);
  const selectConversation = useLiveStore((state) => state.selectConversation);
  const lastLogged = useLiveStore((state) => state.desk.lastLogged);
  const dismissLastLogged = useLiveStore((state) => state.dismissLastLogged);
  const [transferring, setTransferring] = useState<ContactSummary | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="sm" id={CONVERSATION_TITLE_ID} tabIndex={-1} c="dimmed">
        {t('desk.conversationPane')}
      </Title>
      <DeskNotices />
      {lastLogged !== null && (
        <Alert
          color="green"
          icon={<IconCircleCheck size={18} aria-hidden />}
          title={t('desk.loggedTitle')}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={dismissLastLogged}
          role="status"
          data-testid="outcome-confirmation"
        >
          {conversations.length === 0
            ? t('desk.loggedBody', { reference: lastLogged.reference })
            : t('desk.loggedBodyMore', { reference: lastLogged.reference })}
          {lastLogged.caseReferences !== undefined && lastLogged.caseReferences.length > 0 && (
            <Text size="sm" fw={700} ff="monospace" data-testid="outcome-case-references">
              {t('cases.wrapupCases', { references: lastLogged.caseReferences.join(', ') })}
            </Text>
          )}
        </Alert>
      )}
      {conversations.length === 0 ? (
        <Center mih={240} data-testid="waiting-state">
          <Stack gap={4} align="center" maw={420}>
            <Text fw={600}>{t('desk.waitingTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('desk.waitingBody')}
            </Text>
          </Stack>
        </Center>
      ) : (
        <Tabs
          value={selectedContactId}
          onChange={(value) => {
            if (value !== null) selectConversation(value);
          }}
          keepMounted
          variant="outline"
        >
          <Tabs.List aria-label={t('desk.tabs.label')} data-testid="conversation-tabs">
            {conversations.map((conversation) => (
              <Tabs.Tab key={conversation.contact.id} value={conversation.contact.id} py={6}>
                <ConversationTabLabel
                  conversation={conversation}
                  seenUpTo={seenUpTo[conversation.contact.id]}
                />
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {conversations.map((conversation) => (
            <Tabs.Panel key={conversation.contact.id} value={conversation.contact.id} pt="sm">
              <ConversationWorkspace
                conversation={conversation}
                user={user}
                codeInputRef={
                  conversation.contact.id === selectedContactId ? codeInputRef : undefined
                }
                onTransfer={setTransferring}
                slots={slots}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <TransferModal
        contact={transferring}
        userId={user.id}
        onClose={() => setTransferring(null)}
      />
    </Stack>
  );
}
