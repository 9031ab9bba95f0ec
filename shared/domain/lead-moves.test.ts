import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel, Role } from '../schemas/common';
import type { ContactStatus } from '../schemas/contact';
import {
  agentDropRefusal,
  movedSince,
  seenPlaceOf,
  queueDropRefusal,
  queueTransferRefusal,
  type DropAgent,
  type MovableConversation,
} from './lead-moves';
import type { TeamDirectory } from './team-scope';

/** Team A and B have leads. Queue qa is A's, qb B's, qx nobody's. */
const directory: TeamDirectory = {
  teamsWithLeads: new Set(['A', 'B']),
  queueTeams: new Map([
    ['qa', ['A']],
    ['qb', ['B']],
  ]),
};
const leadA = { role: 'lead' as const, teamId: 'A' };
const leadB = { role: 'lead' as const, teamId: 'B' };
const admin = { role: 'admin' as const, teamId: null };
const allChannels: Channel[] = ['voice', 'sms', 'whatsapp', 'webchat', 'email', 'social'];
const qb = { id: 'qb', channels: allChannels };
const voiceOnly = { id: 'qv', channels: ['voice'] as Channel[] };

function conversation(overrides: Partial<MovableConversation> = {}): MovableConversation {
  return {
    place: { queueId: 'qa', holder: null },
    status: 'waiting',
    channel: 'whatsapp',
    ...overrides,
  };
}

describe('a lead hands a conversation to another queue', () => {
  it("given A's waiting conversation, when A's lead hands it to B's queue, then it is allowed", () => {
    expect(queueTransferRefusal(leadA, conversation(), qb, directory)).toBeNull();
  });

  it("given one held by A's agent, when A's lead hands it to B's queue, then it is allowed", () => {
    const held = conversation({
      status: 'active',
      place: { queueId: 'qa', holder: { teamId: 'A' } },
    });
    expect(queueTransferRefusal(leadA, held, qb, directory)).toBeNull();
  });

  it("given A's conversation, when B's lead tries, then it is outside their team", () => {
    expect(queueTransferRefusal(leadB, conversation(), qb, directory)).toBe(
      'conversation_outside_team',
    );
    const held = conversation({
      status: 'active',
      place: { queueId: 'qb', holder: { teamId: 'A' } },
    });
    expect(queueTransferRefusal(leadB, held, { id: 'qx', channels: allChannels }, directory)).toBe(
      'conversation_outside_team',
    );
  });

  it.each(['agent', 'trainer', 'unit'] as Role[])('given a %s, then they may not', (role) => {
    expect(queueTransferRefusal({ role, teamId: 'A' }, conversation(), qb, directory)).toBe(
      'not_a_lead',
    );
  });

  it('given the boundary refuses, then nothing about the target is told', () => {
    expect(
      queueTransferRefusal(leadB, conversation({ status: 'closed' }), undefined, directory),
    ).toBe('conversation_outside_team');
  });

  it('given a closed conversation, then there is nothing to move', () => {
    expect(queueTransferRefusal(admin, conversation({ status: 'closed' }), qb, directory)).toBe(
      'closed',
    );
  });

  it('given no such queue, the same queue or a queue not taking the channel, then refused', () => {
    expect(queueTransferRefusal(admin, conversation(), undefined, directory)).toBe('unknown_queue');
    expect(
      queueTransferRefusal(admin, conversation(), { id: 'qa', channels: allChannels }, directory),
    ).toBe('same_queue');
    expect(queueTransferRefusal(admin, conversation(), voiceOnly, directory)).toBe(
      'channel_not_served',
    );
    expect(
      queueTransferRefusal(admin, conversation({ channel: 'voice' }), voiceOnly, directory),
    ).toBeNull();
  });

  it('an administrator may hand any open conversation to any other queue taking its channel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('qa', 'qb', 'qx'),
        fc.constantFrom<string | null>('A', 'B', null),
        fc.boolean(),
        fc.constantFrom<ContactStatus>('waiting', 'offered', 'active'),
        fc.constantFrom(...allChannels),
        fc.constantFrom('qa', 'qb', 'qx'),
        (queueId, teamId, isHeld, status, channel, targetId) => {
          const refusal = queueTransferRefusal(
            admin,
            { place: { queueId, holder: isHeld ? { teamId } : null }, status, channel },
            { id: targetId, channels: allChannels },
            directory,
          );
          expect(refusal).toBe(targetId === queueId ? 'same_queue' : null);
        },
      ),
    );
  });
});

describe('where a dragged conversation may land', () => {
  const roomy: DropAgent = {
    id: 'ag1',
    status: 'available',
    capacity: { voice: 1, chat: 3, email: 5 },
    load: { voice: 0, chat: 1, email: 0 },
  };
  const chat = {
    channel: 'whatsapp' as Channel,
    status: 'waiting' as ContactStatus,
    assignedAgentId: null,
  };

  it('given an agent with room, then the drop is allowed', () => {
    expect(agentDropRefusal(chat, roomy)).toBeNull();
  });

  it('given the agent who holds it, then refused', () => {
    expect(agentDropRefusal({ ...chat, status: 'active', assignedAgentId: 'ag1' }, roomy)).toBe(
      'holds_it',
    );
  });

  it('given an offline agent, then refused', () => {
    expect(agentDropRefusal(chat, { ...roomy, status: 'offline' })).toBe('offline');
  });

  it('given an agent full for that kind of work, then refused; another kind still fits', () => {
    const full = { ...roomy, load: { voice: 0, chat: 3, email: 0 } };
    expect(agentDropRefusal(chat, full)).toBe('full');
    expect(agentDropRefusal({ ...chat, channel: 'email' }, full)).toBeNull();
    // A call needs the agent's whole attention.
    expect(agentDropRefusal({ ...chat, channel: 'voice' }, roomy)).toBe('full');
  });

  it('given a queue, then not the one it is in, nor one not taking its channel', () => {
    const waiting = { queueId: 'qa', channel: 'whatsapp' as Channel, status: 'waiting' as const };
    expect(queueDropRefusal(waiting, { id: 'qa', channels: allChannels })).toBe('same_queue');
    expect(queueDropRefusal(waiting, voiceOnly)).toBe('channel_not_served');
    expect(queueDropRefusal(waiting, qb)).toBeNull();
    expect(queueDropRefusal({ ...waiting, status: 'closed' }, qb)).toBe('closed');
  });
});

describe('whether a conversation moved since the lead looked', () => {
  const waiting = { queueId: 'qa', status: 'waiting' as ContactStatus, assignedAgentId: null };
  const held = { queueId: 'qa', status: 'active' as ContactStatus, assignedAgentId: 'ag1' };

  it('given the same place, then it did not move, offered or not', () => {
    expect(movedSince(seenPlaceOf(waiting), waiting)).toBe(false);
    expect(movedSince(seenPlaceOf(waiting), { ...waiting, status: 'offered' })).toBe(false);
    expect(movedSince(seenPlaceOf(held), held)).toBe(false);
  });

  it('given another queue or another holder, then it moved', () => {
    expect(movedSince(seenPlaceOf(waiting), { ...waiting, queueId: 'qb' })).toBe(true);
    expect(movedSince(seenPlaceOf(waiting), held)).toBe(true);
    expect(movedSince(seenPlaceOf(held), waiting)).toBe(true);
    expect(movedSince(seenPlaceOf(held), { ...held, assignedAgentId: 'ag2' })).toBe(true);
  });

  it('a place seen is always where it was seen, whatever the state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('qa', 'qb'),
        fc.constantFrom<ContactStatus>('waiting', 'offered', 'active'),
        fc.constantFrom<string | null>('ag1', 'ag2', null),
        (queueId, status, assignedAgentId) => {
          const now = { queueId, status, assignedAgentId };
          expect(movedSince(seenPlaceOf(now), now)).toBe(false);
        },
      ),
    );
  });
});
