import { Badge, Box, Group, List, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary, DeliveryStatus, Message, Script } from '../../shared/schemas/contact';
import { formatTime } from '../lib/format';
import { useLabels } from '../lib/reference-data';
import { CallStatus } from './call-status';
import { ChannelLabel } from './channel-label';
import { SegmentBadge } from './segment-badge';

/** Reference, channel, topic and segment of one conversation; for a call, its state and timers. */
export function ConversationHeader({ contact }: { contact: ContactSummary }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      data-testid="conversation-header"
    >
      <Stack gap={2}>
        <Group gap="xs">
          <Title order={2} size="h4" ff="monospace" data-testid="conversation-reference">
            {contact.reference}
          </Title>
          <SegmentBadge segment={contact.segment} />
        </Group>
        <Group gap="md">
          <ChannelLabel channel={contact.channel} />
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('conversation.topic')}:{' '}
            </Text>
            {labels.topic(contact.topic)}
          </Text>
        </Group>
        {contact.channel === 'voice' && <CallStatus contactId={contact.id} />}
      </Stack>
      <Stack gap={2} align="flex-end">
        <Text fw={600} size="sm">
          {contact.citizenName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('conversation.arrived', { time: formatTime(contact.arrivedAt, i18n.language) })}
        </Text>
      </Stack>
    </Group>
  );
}

const SPEAKER_STYLE = {
  inbound: { align: 'flex-start', bg: 'var(--mantine-color-gray-1)' },
  outbound: { align: 'flex-end', bg: 'var(--mantine-color-blue-0)' },
  system: { align: 'center', bg: 'transparent' },
} as const;

export function Transcript({
  messages,
  maxHeight = 260,
}: {
  messages: Message[];
  maxHeight?: number;
}) {
  const { t, i18n } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(true);
  const titleId = useId();
  // Like any chat: a new message scrolls into view, unless the agent has scrolled up to read.
  useEffect(() => {
    const element = viewport.current;
    if (element && isAtBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages.length]);
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="sm" mb={4} id={titleId}>
        {t('conversation.transcript')}
      </Title>
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('conversation.noMessages')}
        </Text>
      ) : (
        <ScrollArea.Autosize
          mah={maxHeight}
          type="auto"
          offsetScrollbars
          viewportRef={viewport}
          onScrollPositionChange={({ y }) => {
            const element = viewport.current;
            if (element) isAtBottom.current = y + element.clientHeight >= element.scrollHeight - 24;
          }}
        >
          <Stack
            gap={6}
            component="ol"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="transcript"
          >
            {messages.map((message) => {
              const style = SPEAKER_STYLE[message.direction];
              return (
                <Box
                  component="li"
                  key={message.id}
                  style={{ alignSelf: style.align, maxWidth: '85%' }}
                >
                  <Paper
                    px="sm"
                    py={4}
                    radius="sm"
                    bg={style.bg}
                    withBorder={message.direction !== 'system'}
                  >
                    <Text size="xs" c="dimmed">
                      {t(`conversation.${message.direction}`)} ·{' '}
                      {formatTime(message.at, i18n.language)}
                    </Text>
                    <Text
                      size="sm"
                      fs={message.direction === 'system' ? 'italic' : undefined}
                      style={{ whiteSpace: 'pre-wrap' }}
                    >
                      {message.text}
                    </Text>
                    {message.deliveryStatus !== null && (
                      <DeliveryState
                        status={message.deliveryStatus}
                        failureReason={message.failureReason}
                      />
                    )}
                  </Paper>
                </Box>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </section>
  );
}

const DELIVERY_COLOR: Record<DeliveryStatus, string> = {
  queued: 'dimmed',
  sent: 'dimmed',
  delivered: 'teal.8',
  failed: 'red.8',
};

/** Where a reply is: in words and colour together, with the reason while it is retried or failed. */
function DeliveryState({
  status,
  failureReason,
}: {
  status: DeliveryStatus;
  failureReason: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Text size="xs" ta="right" c={DELIVERY_COLOR[status]} data-testid="delivery-status">
      {status === 'failed' ? '⚠ ' : status === 'delivered' ? '✓✓ ' : status === 'sent' ? '✓ ' : ''}
      {t(`conversation.delivery.${status}`)}
      {failureReason !== null && (status === 'failed' || status === 'queued')
        ? ` — ${failureReason}`
        : ''}
    </Text>
  );
}

/** The script for the topic, already filled with the caller's details by the server. */
export function ScriptPanel({
  script,
  maxHeight = 260,
}: {
  script: Script | null;
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid="script-panel">
      <Group gap="xs" mb={4}>
        <Title order={3} size="sm" id={titleId}>
          {t('conversation.script')}
        </Title>
        {script !== null && (
          <Badge variant="outline" size="sm" color="gray">
            {script.title}
          </Badge>
        )}
      </Group>
      {script === null ? (
        <Text size="sm" c="dimmed">
          {t('conversation.noScript')}
        </Text>
      ) : (
        // Bounded, so the wrap-up form below stays within reach on a laptop screen.
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
          <List type="ordered" spacing={6} size="sm">
            {script.steps.map((step) => (
              <List.Item key={step.id}>
                <Text span fw={600} size="sm">
                  {step.title}
                </Text>
                <Text size="sm">{step.text}</Text>
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </section>
  );
}
