import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../schemas/common';
import {
  DEFAULT_CAPACITY,
  EMPTY_LOAD,
  WORK_CLASSES,
  addToLoad,
  effectiveCapacity,
  hasAnyRoom,
  hasRoomFor,
  loadOf,
  workClassOf,
} from './capacity';

describe('workClassOf', () => {
  it('groups chat-like channels together and keeps voice and e-mail apart', () => {
    expect(CHANNELS.map((channel) => [channel, workClassOf(channel)])).toEqual([
      ['voice', 'voice'],
      ['sms', 'chat'],
      ['whatsapp', 'chat'],
      ['webchat', 'chat'],
      ['email', 'email'],
      ['social', 'chat'],
    ]);
  });
});

describe('effectiveCapacity', () => {
  it('takes the centre limit where the agent has no cap of their own', () => {
    expect(effectiveCapacity(DEFAULT_CAPACITY, {})).toEqual(DEFAULT_CAPACITY);
    expect(effectiveCapacity(DEFAULT_CAPACITY, { chat: null })).toEqual(DEFAULT_CAPACITY);
  });

  it('lowers, never raises, the centre limit', () => {
    expect(effectiveCapacity(DEFAULT_CAPACITY, { chat: 1, email: 9, voice: 0 })).toEqual({
      voice: 0,
      chat: 1,
      email: 5,
    });
  });
});

describe('hasRoomFor', () => {
  it('lets chats and e-mails share an agent up to each budget', () => {
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['webchat', 'email']), 'chat')).toBe(true);
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['webchat', 'sms', 'whatsapp']), 'chat')).toBe(
      false,
    );
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['webchat', 'sms', 'whatsapp']), 'email')).toBe(
      true,
    );
  });

  it('keeps a call exclusive both ways', () => {
    expect(hasRoomFor(DEFAULT_CAPACITY, EMPTY_LOAD, 'voice')).toBe(true);
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['email']), 'voice')).toBe(false);
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['voice']), 'chat')).toBe(false);
    expect(hasRoomFor(DEFAULT_CAPACITY, loadOf(['voice']), 'email')).toBe(false);
    expect(hasAnyRoom(DEFAULT_CAPACITY, loadOf(['voice']))).toBe(false);
  });

  it('never lets load pass capacity, however work is added', () => {
    const capacityArb = fc.record({
      voice: fc.integer({ min: 0, max: 1 }),
      chat: fc.integer({ min: 0, max: 4 }),
      email: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(capacityArb, fc.array(fc.constantFrom(...WORK_CLASSES)), (capacity, asks) => {
        let load = EMPTY_LOAD;
        for (const workClass of asks) {
          if (hasRoomFor(capacity, load, workClass)) load = addToLoad(load, workClass);
        }
        for (const workClass of WORK_CLASSES) {
          expect(load[workClass]).toBeLessThanOrEqual(capacity[workClass]);
        }
        if (load.voice > 0) expect(load.chat + load.email).toBe(0);
      }),
    );
  });
});
