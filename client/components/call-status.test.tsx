import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallState } from '../../shared/schemas/call';
import { useLiveStore } from '../stores/live-store';
import { aConversation, anAgentView } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render';
import { formatCallClock } from './call-status';
import { ConversationHeader } from './conversation-view';

function aCall(overrides: Partial<CallState> = {}): CallState {
  return {
    contactId: 'c-1',
    state: 'connected',
    ringingAt: Date.now() - 60_000,
    answeredAt: Date.now() - 45_000,
    holdStartedAt: null,
    holdMs: 0,
    endedAt: null,
    version: 2,
    ...overrides,
  };
}

/** The agent's desk holds a voice conversation with this call. */
function holdCall(call: CallState | null, channel: 'voice' | 'whatsapp' = 'voice') {
  const conversation = { ...aConversation({ channel }), call };
  useLiveStore
    .getState()
    .hydrateDesk(
      { agent: anAgentView(), offers: [], conversations: [conversation], recentOutcomes: [] },
      useLiveStore.getState().factSeq,
    );
  return renderWithProviders(<ConversationHeader contact={conversation.contact} />);
}

beforeEach(() => {
  useLiveStore.getState().reset();
});

describe('CallStatus in the conversation header', () => {
  it('shows the state in words and the talk timer from the answer time', () => {
    holdCall(aCall());
    expect(screen.getByTestId('call-state').textContent).toBe('Tersambung');
    expect(screen.getByTestId('call-timer').textContent).toMatch(/^Durasi 00:4[5-6]$/);
    expect(screen.getByTestId('call-timer').getAttribute('role')).toBe('timer');
    expect(screen.queryByTestId('hold-timer')).toBeNull();
  });

  it('on hold: the hold timer adds the running hold to the finished ones', () => {
    holdCall(aCall({ state: 'on_hold', holdMs: 10_000, holdStartedAt: Date.now() - 5_000 }));
    expect(screen.getByTestId('call-state').textContent).toBe('Ditahan');
    expect(screen.getByTestId('hold-timer').textContent).toMatch(/^Ditahan 00:1[5-6]$/);
  });

  it('ringing: a ring timer instead of the talk timer', () => {
    holdCall(aCall({ state: 'ringing', answeredAt: null, version: 1 }));
    expect(screen.getByTestId('call-state').textContent).toBe('Berdering');
    expect(screen.getByTestId('ring-timer').textContent).toMatch(/^Berdering 01:0[0-1]$/);
  });

  it('follows a live fact: the call ends, the timers stop at the end and the hint says the wrap-up stays', () => {
    const answeredAt = Date.now() - 200_000;
    holdCall(aCall({ answeredAt }));
    act(() => {
      useLiveStore.getState().ingestFact({
        name: 'call:state-changed',
        fact: aCall({
          state: 'ended',
          answeredAt,
          holdMs: 30_000,
          endedAt: answeredAt + 125_000,
          version: 5,
        }),
      });
    });
    expect(screen.getByTestId('call-status').getAttribute('data-call-state')).toBe('ended');
    expect(screen.getByTestId('call-state').textContent).toBe('Panggilan berakhir');
    expect(screen.getByTestId('call-timer').textContent).toBe('Durasi 02:05');
    expect(screen.getByTestId('hold-timer').textContent).toBe('Ditahan 00:30');
    expect(screen.getByTestId('call-ended-hint')).toBeTruthy();
  });

  it('shows nothing of a call for a text conversation', () => {
    holdCall(null, 'whatsapp');
    expect(screen.queryByTestId('call-status')).toBeNull();
  });
});

describe('formatCallClock', () => {
  it('minutes and seconds, hours when needed, never negative', () => {
    expect(formatCallClock(0)).toBe('00:00');
    expect(formatCallClock(65_999)).toBe('01:05');
    expect(formatCallClock(3_723_000)).toBe('1:02:03');
    expect(formatCallClock(-5_000)).toBe('00:00');
  });
});
