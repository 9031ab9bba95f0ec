import { Alert, Button, Center, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck } from '@tabler/icons-react';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import type { User } from '../../../../shared/schemas/user';
import { ConversationHeader, ScriptPanel, Transcript } from '../../../components/conversation-view';
import { useReferenceData } from '../../../lib/reference-data';
import { useLiveStore } from '../../../stores/live-store';
import { DeskNotices } from './desk-notices';
import { ReplyBox } from './reply-box';
import { TransferModal } from './transfer-modal';
import { WrapupForm } from './wrapup-form';

export const CONVERSATION_TITLE_ID = 'conversation-pane-title';

/** Centre pane: what a lead did, then the conversation with its script and wrap-up. */
export function ConversationPane({
  user,
  codeInputRef,
}: {
  user: User;
  codeInputRef: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  const conversation = useLiveStore((state) => state.desk.conversation);
  const lastLogged = useLiveStore((state) => state.desk.lastLogged);
  const dismissLastLogged = useLiveStore((state) => state.dismissLastLogged);
  const reference = useReferenceData();
  const [transferring, setTransferring] = useState<ContactSummary | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="sm" id={CONVERSATION_TITLE_ID} tabIndex={-1} c="dimmed">
        {t('desk.conversationPane')}
      </Title>
      <DeskNotices />
      {conversation === null ? (
        <>
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
              {t('desk.loggedBody', { reference: lastLogged.reference })}
              {lastLogged.caseReferences !== undefined && lastLogged.caseReferences.length > 0 && (
                <Text size="sm" fw={700} ff="monospace" data-testid="outcome-case-references">
                  {t('cases.wrapupCases', { references: lastLogged.caseReferences.join(', ') })}
                </Text>
              )}
            </Alert>
          )}
          <Center mih={240} data-testid="waiting-state">
            <Stack gap={4} align="center" maw={420}>
              <Text fw={600}>{t('desk.waitingTitle')}</Text>
              <Text size="sm" c="dimmed" ta="center">
                {t('desk.waitingBody')}
              </Text>
            </Stack>
          </Center>
        </>
      ) : (
        <Stack gap="sm" data-testid="conversation">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <ConversationHeader contact={conversation.contact} />
            </div>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsExchange size={14} aria-hidden />}
              onClick={() => setTransferring(conversation.contact)}
              data-testid="transfer-open"
            >
              {t('transfer.open')}
            </Button>
          </Group>
          <TransferModal
            contact={transferring}
            userId={user.id}
            onClose={() => setTransferring(null)}
          />
          <SimpleGrid cols={2} spacing="md">
            <Stack gap="xs">
              <Transcript messages={conversation.messages} maxHeight={200} />
              <ReplyBox
                key={conversation.contact.id}
                contactId={conversation.contact.id}
                channel={conversation.contact.channel}
              />
            </Stack>
            <ScriptPanel script={conversation.script} />
          </SimpleGrid>
          <WrapupForm
            key={conversation.contact.id}
            contactId={conversation.contact.id}
            userId={user.id}
            wrapupCodes={reference.data?.wrapupCodes ?? []}
            staff={reference.data?.staff ?? []}
            codeInputRef={codeInputRef}
            callerName={conversation.contact.citizenName}
          />
        </Stack>
      )}
    </Stack>
  );
}
