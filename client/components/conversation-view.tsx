import { Badge, Box, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
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

/** A reply the agent sent that the server does not have yet (it waits in the outbox). */
export interface PendingReply {
  commandId: string;
  text: string;
  at: number;
  state: 'waiting' | 'sending' | 'failed';
  /** Why the server refused it, in the agent's language (failed only). */
  failure: string | null;
  onRetry: () => void;
  onDiscard: () => void;
}

export function Transcript({
  messages,
  pending = [],
  maxHeight = 260,
}: {
  messages: Message[];
  /** The agent's replies still in the outbox, shown after the messages with their state. */
  pending?: PendingReply[];
  maxHeight?: number;
}) {
  const { t, i18n } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(true);
  const titleId = useId();
  // Like any chat: a new message scrolls into view, unless the agent has scrolled up to read.
  // A message that grows in place (a reply edited on approval) does too.
  useEffect(() => {
    const element = viewport.current;
    if (element && isAtBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, pending.length]);
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="sm" mb={4} id={titleId}>
        {t('conversation.transcript')}
      </Title>
      {messages.length === 0 && pending.length === 0 ? (
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
                    // A reply held for approval has not left: dashed, like an unsent one.
                    style={
                      message.deliveryStatus === 'awaiting_approval'
                        ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-orange-6)' }
                        : message.deliveryStatus === 'rejected'
                          ? { borderColor: 'var(--mantine-color-red-6)' }
                          : undefined
                    }
                    data-testid="transcript-message"
                    data-delivery={message.deliveryStatus ?? undefined}
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
                    {message.review !== undefined && <ReviewNote review={message.review} />}
                    {/* A held or rejected reply's state is said by its review note. */}
                    {message.deliveryStatus !== null &&
                      message.deliveryStatus !== 'awaiting_approval' &&
                      message.deliveryStatus !== 'rejected' && (
                        <DeliveryState
                          status={message.deliveryStatus}
                          failureReason={message.failureReason}
                        />
                      )}
                  </Paper>
                </Box>
              );
            })}
            {pending.map((reply) => (
              <PendingReplyItem key={reply.commandId} reply={reply} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </section>
  );
}

/** An outbox reply: the agent's words, dashed until the server has them, and what is happening. */
function PendingReplyItem({ reply }: { reply: PendingReply }) {
  const { t, i18n } = useTranslation();
  const isFailed = reply.state === 'failed';
  return (
    <Box
      component="li"
      style={{ alignSelf: SPEAKER_STYLE.outbound.align, maxWidth: '85%' }}
      data-testid="pending-reply"
      data-state={reply.state}
    >
      <Paper
        px="sm"
        py={4}
        radius="sm"
        bg={SPEAKER_STYLE.outbound.bg}
        style={{
          border: `1px dashed var(--mantine-color-${isFailed ? 'red-6' : 'gray-5'})`,
        }}
      >
        <Text size="xs" c="dimmed">
          {t('conversation.outbound')} · {formatTime(reply.at, i18n.language)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {reply.text}
        </Text>
        <Text
          size="xs"
          ta="right"
          c={isFailed ? 'red.8' : 'orange.9'}
          data-testid="pending-reply-state"
        >
          {isFailed
            ? `⚠ ${t('outbox.reply.failed', { reason: reply.failure ?? '' })}`
            : reply.state === 'sending'
              ? t('outbox.reply.sending')
              : t('outbox.reply.pending')}
        </Text>
        {isFailed && (
          <Group gap="xs" justify="flex-end" mt={2}>
            <Button size="compact-xs" variant="default" onClick={reply.onRetry}>
              {t('outbox.retry')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={reply.onDiscard}>
              {t('outbox.discard')}
            </Button>
          </Group>
        )}
      </Paper>
    </Box>
  );
}

/** How an approver decided a held reply, in words beside the colour (docs/training.md). */
function ReviewNote({ review }: { review: NonNullable<Message['review']> }) {
  const { t } = useTranslation();
  const name = review.byName ?? '';
  return (
    <Box data-testid="review-note" data-review={review.state}>
      <Text
        size="xs"
        c={
          review.state === 'rejected' ? 'red.8' : review.state === 'pending' ? 'orange.9' : 'teal.8'
        }
      >
        {review.state === 'pending'
          ? t('coaching.review.pending')
          : review.state === 'rejected'
            ? t('coaching.review.rejected', { name, reason: review.reason ?? '' })
            : t(review.state === 'edited' ? 'coaching.review.edited' : 'coaching.review.approved', {
                name,
              })}
      </Text>
      {review.originalText !== null && (
        <Text size="xs" c="dimmed" fs="italic">
          {t('coaching.review.original', { text: review.originalText })}
        </Text>
      )}
    </Box>
  );
}

const DELIVERY_COLOR: Record<DeliveryStatus, string> = {
  awaiting_approval: 'orange.9',
  rejected: 'red.8',
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

export interface ScriptMoves {
  onAnswer: (atStepId: string, optionId: string | null) => void;
  onBack: (atStepId: string) => void;
  isMoving: boolean;
}

/**
 * The conversation's guided script, filled with the caller's details by the server: the steps
 * taken with the answers given, then the current step with the citizen's possible answers. The
 * holder moves through it (`moves`); a trainer watching sees the same, live, without buttons.
 */
export function ScriptPanel({
  script,
  moves,
  maxHeight = 260,
}: {
  script: Script | null;
  moves?: ScriptMoves;
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const byId = new Map((script?.steps ?? []).map((step) => [step.id, step]));
  const path = script?.state.progress.path ?? [];
  const current = path[path.length - 1];
  const currentStep = current ? byId.get(current.stepId) : undefined;
  const isFinished = script?.state.progress.isFinished ?? false;
  const taken = isFinished ? path : path.slice(0, -1);
  const pending = (script?.state.pendingRequired ?? []).flatMap((id) => byId.get(id)?.title ?? []);
  return (
    <section aria-labelledby={titleId} data-testid="script-panel">
      <Group gap="xs" mb={4}>
        <Title order={3} size="sm" id={titleId}>
          {t('conversation.script')}
        </Title>
        {script !== null && (
          <Badge variant="outline" size="sm" color="gray">
            {t('conversation.scriptVersion', { title: script.title, version: script.version })}
          </Badge>
        )}
      </Group>
      {script === null || currentStep === undefined ? (
        <Text size="sm" c="dimmed">
          {t('conversation.noScript')}
        </Text>
      ) : (
        // Bounded, so the wrap-up form below stays within reach on a laptop screen.
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
          <Stack gap={6}>
            {taken.map((move, index) => {
              const step = byId.get(move.stepId);
              const answer = step?.options.find((option) => option.id === move.optionId);
              return (
                <Text
                  key={`${move.stepId}-${index}`}
                  size="xs"
                  c="dimmed"
                  data-testid="script-taken"
                >
                  ✓ {step?.title ?? move.stepId}
                  {answer !== undefined && ` — ${answer.label}`}
                </Text>
              );
            })}
            {isFinished ? (
              <Text size="sm" fw={600} c="teal.8" data-testid="script-finished">
                {t('conversation.scriptFinished')}
              </Text>
            ) : (
              <Paper
                withBorder
                p="xs"
                radius="sm"
                style={{ borderColor: 'var(--mantine-color-teal-5)' }}
                data-testid="script-current"
                data-step-id={currentStep.id}
              >
                <Group gap={6} mb={2}>
                  <Text span fw={650} size="sm">
                    {currentStep.title}
                  </Text>
                  {currentStep.isRequired && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('conversation.scriptRequired')}
                    </Badge>
                  )}
                  {currentStep.isPlain && (
                    <Badge size="xs" color="blue" variant="light">
                      {t('conversation.scriptPlain')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{currentStep.text}</Text>
                {moves !== undefined && (
                  <Group gap={6} mt={6}>
                    {currentStep.options.length === 0 ? (
                      <Button
                        size="compact-sm"
                        disabled={moves.isMoving}
                        onClick={() => moves.onAnswer(currentStep.id, null)}
                        data-testid="script-next"
                      >
                        {t('conversation.scriptNext')}
                      </Button>
                    ) : (
                      currentStep.options.map((option) => (
                        <Button
                          key={option.id}
                          size="compact-sm"
                          variant="light"
                          disabled={moves.isMoving}
                          onClick={() => moves.onAnswer(currentStep.id, option.id)}
                          data-testid={`script-option-${option.id}`}
                        >
                          {option.label}
                        </Button>
                      ))
                    )}
                  </Group>
                )}
              </Paper>
            )}
            {moves !== undefined && path.length > 0 && (isFinished || path.length > 1) && (
              <div>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  disabled={moves.isMoving}
                  onClick={() => moves.onBack(currentStep.id)}
                  data-testid="script-back"
                >
                  {t('conversation.scriptBack')}
                </Button>
              </div>
            )}
            {pending.length > 0 && (
              <Text size="xs" c="orange.8" data-testid="script-pending">
                {t('conversation.scriptPending', { steps: pending.join(', ') })}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </section>
  );
}
