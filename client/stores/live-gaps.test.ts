import { afterEach, describe, expect, it } from 'vitest';
import type { CallState } from '../../shared/schemas/call';
import type { ConversationDetail, ScriptState } from '../../shared/schemas/contact';
import type { FactEvent } from '../lib/socket';
import {
  aConversation,
  anAgentView,
  aQueueState,
  aQueueStateChange,
  aContact,
  T0,
} from '../testing/fixtures';
import { detectGap, hydrateDeskData, initialLiveData, type LiveData } from './live-data';
import { subscribeToGaps, useLiveStore } from './live-store';

function aCall(version: number, contactId = 'c-1'): CallState {
  return {
    contactId,
    state: 'connected',
    ringingAt: T0,
    answeredAt: T0 + 1_000,
    holdStartedAt: null,
    holdMs: 0,
    endedAt: null,
    version,
  };
}

function voiceConversation(callVersion: number, scriptRevision = 0): ConversationDetail {
  const conversation = aConversation({ id: 'c-1', channel: 'voice' });
  return {
    ...conversation,
    call: aCall(callVersion),
    script: conversation.script && {
      ...conversation.script,
      state: { ...conversation.script.state, revision: scriptRevision },
    },
  };
}

function deskHolding(conversation: ConversationDetail): LiveData {
  return hydrateDeskData(initialLiveData(), {
    agent: anAgentView(),
    offers: [],
    conversations: [conversation],
    recentOutcomes: [],
  });
}

function monitorOf(conversation: ConversationDetail): LiveData {
  const data = initialLiveData();
  return {
    ...data,
    training: {
      ...data.training,
      monitor: { agentId: 'u-agent1', isLoaded: true, conversations: [conversation], outcomes: [] },
    },
  };
}

function scriptState(revision: number, contactId = 'c-1'): ScriptState {
  return {
    contactId,
    progress: { path: [{ stepId: 'st-2', optionId: null }], isFinished: false },
    pendingRequired: ['st-3'],
    revision,
  };
}

const callFact = (version: number, contactId = 'c-1'): FactEvent => ({
  name: 'call:state-changed',
  fact: aCall(version, contactId),
});
const scriptFact = (revision: number, contactId = 'c-1'): FactEvent => ({
  name: 'script:progress-changed',
  fact: scriptState(revision, contactId),
});

describe('detectGap', () => {
  it('sees none in the next call version, a stale one, or a repeat', () => {
    const data = deskHolding(voiceConversation(4));
    expect(detectGap(data, callFact(5))).toEqual([]);
    expect(detectGap(data, callFact(4))).toEqual([]);
    expect(detectGap(data, callFact(2))).toEqual([]);
  });

  it('sees a skipped call version on the desk and in the monitored view', () => {
    expect(detectGap(deskHolding(voiceConversation(4)), callFact(6))).toEqual(['desk']);
    expect(detectGap(monitorOf(voiceConversation(4)), callFact(7))).toEqual(['monitor']);
  });

  it('measures against the newest call held, live facts included', () => {
    let data = deskHolding(voiceConversation(4));
    data = { ...data, calls: { 'c-1': aCall(5) } };
    expect(detectGap(data, callFact(6))).toEqual([]);
    expect(detectGap(data, callFact(7))).toEqual(['desk']);
  });

  it('sees a skipped script revision, not the next one', () => {
    const data = deskHolding(voiceConversation(1, 2));
    expect(detectGap(data, scriptFact(3))).toEqual([]);
    expect(detectGap(data, scriptFact(2))).toEqual([]);
    expect(detectGap(data, scriptFact(5))).toEqual(['desk']);
  });

  it('ignores contacts nobody here holds', () => {
    const data = deskHolding(voiceConversation(1));
    expect(detectGap(data, callFact(9, 'c-other'))).toEqual([]);
    expect(detectGap(data, scriptFact(9, 'c-other'))).toEqual([]);
    expect(detectGap(initialLiveData(), callFact(9))).toEqual([]);
  });

  it('sees a gap in queue-state changes that build on what the client does not hold', () => {
    const data = { ...initialLiveData(), queueState: aQueueState({ version: 3 }) };
    const change = (overrides: Parameters<typeof aQueueStateChange>[0]) =>
      detectGap(data, { name: 'queue:state-changed', fact: aQueueStateChange(overrides) });
    expect(change({ version: 4, since: 3 })).toEqual([]);
    expect(change({ version: 9, since: 2 })).toEqual([]);
    expect(change({ version: 9, since: 5 })).toEqual(['queue']);
    expect(change({ version: 4, since: 3, stream: 'node-b' })).toEqual(['queue']);
    expect(change({ version: 4, since: 3, scope: 'q123' })).toEqual(['queue']);
    // The whole view, or a change with nothing held yet (the first read replays it).
    expect(change({ version: 30, since: null, stream: 'node-b' })).toEqual([]);
    expect(
      detectGap(initialLiveData(), {
        name: 'queue:state-changed',
        fact: aQueueStateChange({ version: 9, since: 5 }),
      }),
    ).toEqual([]);
  });

  it('treats latest-wins streams as never gapped: agents, contacts', () => {
    const data = deskHolding(voiceConversation(1));
    expect(
      detectGap(data, { name: 'agent:status-changed', fact: anAgentView({ version: 40 }) }),
    ).toEqual([]);
    expect(
      detectGap(data, {
        name: 'conversation:updated',
        fact: aContact({ id: 'c-1', version: 50 }),
      }),
    ).toEqual([]);
  });
});

describe('the live store and gaps', () => {
  const heard: string[][] = [];
  const off = subscribeToGaps((targets) => heard.push(targets));
  afterEach(() => {
    heard.length = 0;
    useLiveStore.getState().reset();
  });

  it('tells its listeners of a gap and still applies the newer fact', () => {
    useLiveStore.getState().hydrateDesk(
      {
        agent: anAgentView(),
        offers: [],
        conversations: [voiceConversation(2)],
        recentOutcomes: [],
      },
      0,
    );
    useLiveStore.getState().ingestFact(callFact(3));
    expect(heard).toEqual([]);
    useLiveStore.getState().ingestFact(callFact(5));
    expect(heard).toEqual([['desk']]);
    expect(useLiveStore.getState().calls['c-1']?.version).toBe(5);
    off();
  });
});
