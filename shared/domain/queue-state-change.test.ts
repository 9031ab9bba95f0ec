import { describe, expect, it } from 'vitest';
import type { QueueFigures, QueueState } from '../schemas/queue-state';
import {
  agentView,
  applyQueueStateChange,
  EVERY_QUEUE_SCOPE,
  queueScope,
  queueStateChange,
} from './queue-state-change';

const T0 = 1_780_000_000_000;

function figures(queueId: string, waiting = 0): QueueFigures {
  return {
    queueId,
    waiting,
    oldestArrivedAt: waiting > 0 ? T0 - 1000 * waiting : null,
    isOpen: true,
    opensAt: null,
    closesAt: null,
    timeZone: 'Asia/Jakarta',
  };
}

const COUNTS = {
  available: 3,
  away: 0,
  on_contact: 1,
  after_contact_work: 0,
  break: 0,
  training: 0,
  not_responding: 0,
  offline: 2,
};

function complete(version: number, waiting: Record<string, number>, counts = COUNTS): QueueState {
  return {
    stream: 'node-a',
    scope: EVERY_QUEUE_SCOPE,
    version,
    at: T0 + version,
    queues: ['q-a', 'q-b', 'q-c'].map((id) => figures(id, waiting[id] ?? 0)),
    agentsByStatus: counts,
  };
}

describe('queueScope', () => {
  it('names the same queues the same way and different queues differently', () => {
    expect(queueScope(['q-a', 'q-b'])).toBe(queueScope(['q-a', 'q-b']));
    expect(queueScope(['q-a', 'q-b'])).not.toBe(queueScope(['q-a']));
    expect(queueScope(['q-ab'])).not.toBe(queueScope(['q-a', 'b']));
    expect(queueScope([])).not.toBe(EVERY_QUEUE_SCOPE);
    expect(queueScope(['q-a', 'q-b', 'q-c', 'q-d', 'q-e']).length).toBeLessThanOrEqual(40);
  });
});

describe('agentView', () => {
  it('keeps the served queues in board order and drops the agent counts', () => {
    const view = agentView(complete(4, { 'q-a': 1, 'q-c': 2 }), ['q-c', 'q-a']);
    expect(view.queues.map((queue) => queue.queueId)).toEqual(['q-a', 'q-c']);
    expect(view.agentsByStatus).toBeUndefined();
    expect(view.scope).toBe(queueScope(['q-a', 'q-c']));
    expect(view).toMatchObject({ stream: 'node-a', version: 4, at: T0 + 4 });
  });
});

describe('queueStateChange', () => {
  it('sends the whole view when there is nothing to build on', () => {
    const next = complete(1, {});
    expect(queueStateChange(undefined, next)).toEqual({ ...next, since: null });
    expect(queueStateChange({ ...next, stream: 'node-b', version: 0 }, next)?.since).toBeNull();
    const fewer = { ...complete(0, {}), queues: complete(0, {}).queues.slice(0, 2) };
    expect(queueStateChange(fewer, next)?.since).toBeNull();
  });

  it('sends only the changed queues, and the counts only when they changed', () => {
    const change = queueStateChange(complete(1, { 'q-a': 1 }), complete(2, { 'q-a': 1, 'q-b': 3 }));
    expect(change).toMatchObject({ since: 1, version: 2, queues: [figures('q-b', 3)] });
    expect(change).not.toHaveProperty('agentsByStatus');
    const counted = queueStateChange(
      complete(2, {}),
      complete(3, {}, { ...COUNTS, available: 2, on_contact: 2 }),
    );
    expect(counted).toMatchObject({ since: 2, queues: [] });
    expect(counted?.agentsByStatus?.on_contact).toBe(2);
  });

  it('sends nothing when nothing in the view changed', () => {
    expect(queueStateChange(complete(1, { 'q-a': 1 }), complete(2, { 'q-a': 1 }))).toBeNull();
    const served = ['q-a'];
    expect(
      queueStateChange(
        agentView(complete(1, {}), served),
        agentView(complete(2, { 'q-b': 5 }, { ...COUNTS, away: 1 }), served),
      ),
    ).toBeNull();
  });
});

describe('applyQueueStateChange', () => {
  /** What a client holding `states[from]` shows after following every change of the run. */
  function follow(states: QueueState[], from: number) {
    let held: QueueState | null = states[from]!;
    let sent: QueueState | undefined = states[0];
    for (const state of states.slice(1)) {
      const change = queueStateChange(sent, state);
      if (change === null) continue;
      sent = state;
      const applied = applyQueueStateChange(held, change);
      expect(applied.isGap).toBe(false);
      held = applied.state;
    }
    return { queues: held?.queues, agentsByStatus: held?.agentsByStatus };
  }

  it('ends where the server is, starting from any state it read (revert in between included)', () => {
    const states = [
      complete(1, {}),
      complete(2, { 'q-a': 1 }),
      complete(3, { 'q-a': 1 }, { ...COUNTS, away: 1 }),
      complete(4, {}),
      complete(5, { 'q-c': 2 }),
      complete(6, { 'q-c': 2 }),
    ];
    const last = (state: QueueState) => ({
      queues: state.queues,
      agentsByStatus: state.agentsByStatus,
    });
    for (let from = 0; from < states.length; from += 1) {
      expect(follow(states, from)).toEqual(last(states.at(-1)!));
    }
    const served = ['q-a', 'q-c'];
    const views = states.map((state) => agentView(state, served));
    for (let from = 0; from < views.length; from += 1) {
      expect(follow(views, from)).toEqual(last(views.at(-1)!));
    }
  });

  it('is a gap when the change builds on a version after the held one', () => {
    const held = complete(2, {});
    const change = queueStateChange(complete(4, {}), complete(5, { 'q-a': 1 }))!;
    expect(applyQueueStateChange(held, change)).toEqual({ state: held, isGap: true });
  });

  it('is a gap when the change belongs to another stream or scope', () => {
    const change = queueStateChange(complete(1, {}), complete(2, { 'q-a': 1 }))!;
    const otherNode = { ...complete(1, {}), stream: 'node-b' };
    expect(applyQueueStateChange(otherNode, change).isGap).toBe(true);
    const agent = agentView(complete(1, {}), ['q-a']);
    expect(applyQueueStateChange(agent, change).isGap).toBe(true);
  });

  it('drops a change that is not newer, and applying one twice changes nothing', () => {
    const change = queueStateChange(complete(1, {}), complete(2, { 'q-a': 1 }))!;
    const once = applyQueueStateChange(complete(1, {}), change).state;
    expect(applyQueueStateChange(once, change)).toEqual({ state: once, isGap: false });
    expect(applyQueueStateChange(complete(3, {}), change)).toEqual({
      state: complete(3, {}),
      isGap: false,
    });
  });

  it('waits for the first read instead of building on nothing', () => {
    const change = queueStateChange(complete(1, {}), complete(2, { 'q-a': 1 }))!;
    expect(applyQueueStateChange(null, change)).toEqual({ state: null, isGap: false });
  });

  it('takes a whole view from any stream, but not an older one of its own', () => {
    const whole = queueStateChange(undefined, { ...complete(1, {}), stream: 'node-b' })!;
    const { since: _since, ...state } = whole;
    expect(applyQueueStateChange(complete(7, {}), whole).state).toEqual(state);
    expect(applyQueueStateChange(null, whole).state).toEqual(state);
    const older = queueStateChange(undefined, complete(1, {}))!;
    expect(applyQueueStateChange(complete(7, {}), older).state).toEqual(complete(7, {}));
  });
});
