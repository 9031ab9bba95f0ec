import { Badge, Group, Text, type MantineColor } from '@mantine/core';
import { IconPhoneCall, IconPhoneOff, IconPhonePause, IconPhoneRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { holdMsAt, ringMsAt, talkMsAt } from '../../shared/domain/call-timers';
import type { CallPhase } from '../../shared/schemas/call';
import { formatDuration } from '../lib/format';
import { newestCall } from '../stores/live-data';
import { useLiveStore } from '../stores/live-store';
import { useServerNow } from '../stores/use-server-now';

const CALL_COLORS: Record<CallPhase, MantineColor> = {
  ringing: 'blue',
  connected: 'green',
  on_hold: 'orange',
  ended: 'gray',
};

const CALL_ICONS = {
  ringing: IconPhoneRinging,
  connected: IconPhoneCall,
  on_hold: IconPhonePause,
  ended: IconPhoneOff,
} as const;

/** "03:20", "1:02:09": a call clock. */
export function formatCallClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const clock = `${pad(m)}:${pad(total % 60)}`;
  return h > 0 ? `${h}:${clock}` : clock;
}

/**
 * The call behind a voice conversation: its state in words, colour and icon, and the call and
 * hold timers, ticking locally from the server's timestamps (corrected by the server offset).
 * They stop when the call ends; the conversation stays open for the wrap-up.
 */
export function CallStatus({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const call = useLiveStore((state) => newestCall(state, contactId));
  const now = useServerNow();
  if (call === null) return null;
  const Icon = CALL_ICONS[call.state];
  const talkMs = talkMsAt(call, now);
  const holdMs = holdMsAt(call, now);
  const isAnswered = call.answeredAt !== null;
  return (
    <Group gap="sm" wrap="wrap" data-testid="call-status" data-call-state={call.state}>
      <Badge
        color={CALL_COLORS[call.state]}
        variant={call.state === 'ended' ? 'outline' : 'light'}
        leftSection={<Icon size={14} aria-hidden />}
        data-testid="call-state"
      >
        {t(`call.state.${call.state}`)}
      </Badge>
      {isAnswered ? (
        <Text
          size="sm"
          ff="monospace"
          role="timer"
          aria-live="off"
          aria-label={t('call.talk', { duration: formatDuration(talkMs, t) })}
          data-testid="call-timer"
        >
          {t('call.talk', { duration: formatCallClock(talkMs) })}
        </Text>
      ) : (
        <Text
          size="sm"
          ff="monospace"
          role="timer"
          aria-live="off"
          aria-label={t('call.ringing', { duration: formatDuration(ringMsAt(call, now), t) })}
          data-testid="ring-timer"
        >
          {t('call.ringing', { duration: formatCallClock(ringMsAt(call, now)) })}
        </Text>
      )}
      {(call.state === 'on_hold' || holdMs > 0) && (
        <Text
          size="sm"
          ff="monospace"
          role="timer"
          aria-live="off"
          c={call.state === 'on_hold' ? 'orange.9' : 'dimmed'}
          fw={call.state === 'on_hold' ? 600 : 400}
          aria-label={t('call.hold', { duration: formatDuration(holdMs, t) })}
          data-testid="hold-timer"
        >
          {t('call.hold', { duration: formatCallClock(holdMs) })}
        </Text>
      )}
      {call.state === 'ended' && (
        <Text size="xs" c="dimmed" data-testid="call-ended-hint">
          {t('call.endedHint')}
        </Text>
      )}
    </Group>
  );
}
